<?xml version="1.0" encoding="UTF-8"?>
<!--
  year.xsl: one fiscal year.  Uses /page/year (@value-label, stats,
  report, area with stats and indicator groups of measures, recent): the
  dashboard of charts.xsl, then the measures by area and indicator; a
  year in parts (parts) has the dashboard on its first part.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="charts.xsl"/>
  <xsl:import href="scores.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="year/@value-label"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:for-each select="year">
      <h1><xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="@value-label"/></xsl:call-template><xsl:call-template name="part-label"/></h1>
      <!-- A year in parts: its dashboard, checklist, data and contents
           on the first; each part has its own measures. -->
      <xsl:if test="$first-part">
      <xsl:call-template name="dashboard"><xsl:with-param name="level" select="2"/></xsl:call-template>

      <xsl:call-template name="scores"/>
      <xsl:for-each select="checklist">
        <p class="meta checklist-link">
          <a href="{@href}">
            <xsl:value-of select="p:fill('checklist-title', 'year', @year-label)"/>
          </a>
        </p>
      </xsl:for-each>

      <xsl:variable name="y" select="@value"/>
      <xsl:if test="/page/site/data/year[@value = $y]/file">
        <p class="meta">
          <xsl:value-of select="p:fill('open-data-year', 'year', @value-label)"/>
          <xsl:call-template name="data-links"><xsl:with-param name="files" select="/page/site/data/year[@value = $y]/file"/></xsl:call-template>
        </p>
      </xsl:if>
      <nav class="toc">
        <xsl:attribute name="aria-label"><xsl:value-of select="p:t('contents')"/></xsl:attribute>
        <p class="toc-title" aria-hidden="true"><xsl:value-of select="p:t('contents')"/></p>
        <ul>
          <xsl:for-each select="area">
            <li>
              <a>
                <xsl:attribute name="href">
                  <xsl:choose>
                    <xsl:when test="/page/parts"><xsl:value-of select="@href"/></xsl:when>
                    <xsl:otherwise>#<xsl:call-template name="area-id"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <xsl:value-of select="@name"/>
              </a>
              <xsl:text> </xsl:text>
              <span class="meta">
                <xsl:call-template name="n-measures"><xsl:with-param name="n" select="stats/@count-label"/></xsl:call-template>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
      </xsl:if>

      <xsl:for-each select="area[not(/page/parts) or indicator]">
        <section class="area">
          <xsl:attribute name="id"><xsl:call-template name="area-id"/></xsl:attribute>
          <h2 class="area-title"><a href="{@href}"><xsl:value-of select="@name"/></a></h2>
          <p class="area-meta">
            <xsl:call-template name="n-measures"><xsl:with-param name="n" select="stats/@count-label"/></xsl:call-template>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="p:t('mean-progress')"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="p:fill('percent', 'n', stats/@mean-label)"/>
          </p>
          <xsl:choose>
            <xsl:when test="indicator">
              <xsl:for-each select="indicator">
                <xsl:call-template name="indicator-group"><xsl:with-param name="level" select="3"/></xsl:call-template>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <p class="notice"><xsl:value-of select="p:t('no-measures')"/></p>
            </xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:for-each>
      <xsl:call-template name="parts-nav"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
