<?xml version="1.0" encoding="UTF-8"?>
<!--
  status.xsl: the measures of one fiscal year in one status (YEAR/status/CODE/).
  Uses /page/year (@value-label, @href, stats with the status links) and
  /page/status-list (@code, @count-label, measures): the year's status
  counts and bar, then the measures as cards.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="fill">
      <xsl:with-param name="id" select="'status-in-year'"/>
      <xsl:with-param name="title"><xsl:value-of select="p:t(concat('status-', status-list/@code))"/></xsl:with-param>
      <xsl:with-param name="year" select="year/@value-label"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="crumbs">
    <xsl:for-each select="year">
      <xsl:call-template name="crumb">
        <xsl:with-param name="text"><xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="@value-label"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:apply-templates select="/page" mode="title"/><xsl:call-template name="part-label"/></h1>
    <p class="lead">
      <xsl:call-template name="n-measures"><xsl:with-param name="n" select="status-list/@count-label"/></xsl:call-template>
    </p>
    <!-- The year's status counts, each linking to its page; not its mean
         progress, so that a change of progress rewrites only the status
         page of that measure. -->
    <xsl:for-each select="year">
      <xsl:call-template name="stats"><xsl:with-param name="totals" select="false()"/></xsl:call-template>
    </xsl:for-each>
    <ul class="cards">
      <xsl:for-each select="status-list/measure">
        <xsl:call-template name="measure-card"><xsl:with-param name="level" select="2"/></xsl:call-template>
      </xsl:for-each>
    </ul>
    <xsl:call-template name="parts-nav"/>
  </xsl:template>
</xsl:stylesheet>
