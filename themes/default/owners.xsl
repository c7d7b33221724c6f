<?xml version="1.0" encoding="UTF-8"?>
<!--
  owners.xsl: every owner with the number of measures.  Uses
  /page/owner-list/owner (text, @href, @count-label).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="id" select="'all-owners'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:call-template name="t"><xsl:with-param name="id" select="'all-owners'"/></xsl:call-template></h1>
    <p class="lead"><xsl:call-template name="t"><xsl:with-param name="id" select="'owners-intro'"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="owner-list/owner">
        <ul class="owner-list">
          <xsl:for-each select="owner-list/owner">
            <li>
              <a href="{@href}"><xsl:value-of select="."/></a>
              <xsl:text> </xsl:text>
              <span class="meta">
                <xsl:call-template name="n-measures"><xsl:with-param name="n" select="@count-label"/></xsl:call-template>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p class="notice"><xsl:call-template name="t"><xsl:with-param name="id" select="'no-data'"/></xsl:call-template></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
