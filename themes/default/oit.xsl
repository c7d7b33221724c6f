<?xml version="1.0" encoding="UTF-8"?>
<!--
  oit.xsl: a fiscal year's O-item checklist: what the agency publishes
  for the OIT part of the ITA, item by item in the NACC's groups, each
  item's name linking to where it is published, or marked as not yet
  published.  Uses /page/checklist (@year-label, @count-label,
  @published-label, file, group with @code-label, @name and item with
  @code, @code-label, @name, @href, note).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="p:fill('checklist-title', 'year', checklist/@year-label)"/>
  </xsl:template>

  <xsl:template match="page" mode="crumbs">
    <xsl:for-each select="checklist">
      <xsl:call-template name="crumb">
        <xsl:with-param name="text"><xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="@year-label"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:for-each select="checklist">
      <h1>
        <xsl:value-of select="p:fill('checklist-title', 'year', @year-label)"/>
      </h1>
      <p class="lead"><xsl:value-of select="p:t('checklist-lead')"/></p>
      <p class="checklist-count">
        <xsl:value-of select="p:fill('checklist-published', 'n', @published-label)"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="p:fill('checklist-of', 'n', @count-label)"/>
      </p>
      <p class="meta">
        <xsl:value-of select="p:t('checklist-csv')"/>
        <xsl:call-template name="data-links"><xsl:with-param name="files" select="file"/></xsl:call-template>
      </p>
      <xsl:for-each select="group">
        <section class="oit-group" id="group-{translate(@code, '.', '-')}" aria-labelledby="group-{translate(@code, '.', '-')}-h">
          <h2 id="group-{translate(@code, '.', '-')}-h">
            <xsl:value-of select="@code-label"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@name"/>
          </h2>
          <ul class="oit-items">
            <xsl:for-each select="item">
              <li class="oit-item" id="{@code}" data-code="{@code}">
                <span class="oit-code"><xsl:value-of select="@code-label"/></span>
                <xsl:text> </xsl:text>
                <xsl:choose>
                  <xsl:when test="@href">
                    <a class="oit-name" href="{@href}"><xsl:value-of select="@name"/></a>
                  </xsl:when>
                  <xsl:otherwise>
                    <span class="oit-name"><xsl:value-of select="@name"/></span>
                    <xsl:text> </xsl:text>
                    <span class="badge badge-unpublished"><xsl:value-of select="p:t('not-published')"/></span>
                  </xsl:otherwise>
                </xsl:choose>
                <xsl:if test="note">
                  <span class="oit-note"><xsl:value-of select="note"/></span>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:for-each>
      <p class="meta">
        <a href="{@href}">
          <xsl:value-of select="p:fill('view-year', 'year', @year-label)"/>
        </a>
      </p>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
