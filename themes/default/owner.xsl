<?xml version="1.0" encoding="UTF-8"?>
<!--
  owner.xsl: one owner (ผู้รับผิดชอบ).  Uses /page/owner (@name,
  @own-count-label, parent*, feed, stats, measure* and sub-unit*, each
  list grouped here by fiscal year) and /page/site/owners.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <!-- The owner's measures by fiscal year: grouping through a key stays
       linear, where comparing each measure with every one before it grew
       with the square of an owner's measures. -->
  <xsl:key name="owner-year" match="/page/owner/measure | /page/owner/sub-unit/measure"
           use="concat(generate-id(..), ' ', year/@value)"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="owner/@name"/>
  </xsl:template>

  <xsl:template match="page" mode="crumbs">
    <xsl:for-each select="site/owners">
      <xsl:call-template name="crumb">
        <xsl:with-param name="text"><xsl:value-of select="p:t('owners')"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="owner/parent">
      <xsl:call-template name="crumb"><xsl:with-param name="text" select="@name"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:for-each select="owner">
      <h1><xsl:value-of select="@name"/><xsl:call-template name="part-label"/></h1>
      <xsl:for-each select="parent[last()]">
        <p class="part-of">
          <xsl:value-of select="p:t('part-of')"/>
          <xsl:text> </xsl:text>
          <a href="{@href}"><xsl:value-of select="@name"/></a>
        </p>
      </xsl:for-each>
      <xsl:call-template name="stats"/>
      <xsl:for-each select="feed">
        <p class="feed-link">
          <a href="{@href}"><xsl:value-of select="p:t('feed-owner')"/></a>
        </p>
      </xsl:for-each>
      <!-- Its own measures, then each sub-unit's, each measure once: the
           counts shown add up to the total above. -->
      <xsl:choose>
        <xsl:when test="sub-unit">
          <xsl:if test="measure">
            <h2><xsl:value-of select="p:t('owner-own-measures')"/></h2>
            <p class="meta"><xsl:call-template name="n-measures"><xsl:with-param name="n" select="@own-count-label"/></xsl:call-template></p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <h2><xsl:value-of select="p:t('owner-measures')"/></h2>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="owner-years"/>
      <xsl:for-each select="sub-unit">
        <section class="sub-unit">
          <h2><a href="{@href}"><xsl:value-of select="@name"/></a></h2>
          <p class="meta"><xsl:call-template name="n-measures"><xsl:with-param name="n" select="@count-label"/></xsl:call-template></p>
          <xsl:call-template name="owner-years"/>
        </section>
      </xsl:for-each>
      <xsl:call-template name="parts-nav"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The context's measure children, one group per fiscal year, in the
       order the model lists them. -->
  <xsl:template name="owner-years">
    <xsl:variable name="g" select="concat(generate-id(), ' ')"/>
    <xsl:for-each select="measure[generate-id() = generate-id(key('owner-year', concat($g, year/@value))[1])]">
      <xsl:variable name="y" select="year/@value"/>
      <section class="year-group">
        <h3>
          <a href="{year/@href}">
            <xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="year"/></xsl:call-template>
          </a>
        </h3>
        <ul class="cards">
          <xsl:for-each select="key('owner-year', concat($g, $y))">
            <xsl:call-template name="measure-card"><xsl:with-param name="level" select="4"/></xsl:call-template>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
