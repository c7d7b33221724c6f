<?xml version="1.0" encoding="UTF-8"?>
<!--
  area.xsl: one assessment area of one fiscal year.  Uses /page/year
  (@value-label, @href) and /page/area (@name, stats, indicator groups of
  measures).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="p:fill('area-in-year', 'area', area/@name, 'year', year/@value-label)"/>
  </xsl:template>

  <xsl:template match="page" mode="crumbs">
    <xsl:for-each select="year">
      <xsl:call-template name="crumb">
        <xsl:with-param name="text"><xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="@value-label"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:for-each select="area">
      <h1>
        <xsl:value-of select="@name"/>
        <xsl:text> </xsl:text>
        <span class="h1-sub">
          <xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="../year/@value-label"/></xsl:call-template>
        </span>
        <xsl:call-template name="part-label"/>
      </h1>
      <xsl:call-template name="stats"/>
      <xsl:choose>
        <xsl:when test="indicator">
          <xsl:for-each select="indicator">
            <xsl:call-template name="indicator-group"><xsl:with-param name="level" select="2"/></xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <p class="notice"><xsl:value-of select="p:t('no-measures')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="parts-nav"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
