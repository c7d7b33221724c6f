<?xml version="1.0" encoding="UTF-8"?>
<!--
  owners.xsl: every owner with the number of measures, sub-units nested
  under the unit they belong to.  Uses /page/owner-list/owner (text,
  @href, @count-label, @parent).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <xsl:key name="sub-units" match="/page/owner-list/owner" use="@parent"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="p:t('all-owners')"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:value-of select="p:t('all-owners')"/></h1>
    <p class="lead"><xsl:value-of select="p:t('owners-intro')"/></p>
    <xsl:choose>
      <xsl:when test="owner-list/owner">
        <ul class="owner-list">
          <xsl:apply-templates select="owner-list/owner[not(@parent)]" mode="owner"/>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p class="notice"><xsl:value-of select="p:t('no-data')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An owner; its sub-units in a list of their own inside its item, so
       a screen reader says which unit they belong to. -->
  <xsl:template match="owner" mode="owner">
    <li>
      <a href="{@href}"><xsl:value-of select="."/></a>
      <xsl:text> </xsl:text>
      <span class="meta">
        <xsl:call-template name="n-measures"><xsl:with-param name="n" select="@count-label"/></xsl:call-template>
      </span>
      <xsl:if test="key('sub-units', string(.))">
        <ul class="plain-list link-list sub-units">
          <xsl:apply-templates select="key('sub-units', string(.))" mode="owner"/>
        </ul>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
