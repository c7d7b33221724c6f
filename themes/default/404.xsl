<?xml version="1.0" encoding="UTF-8"?>
<!--
  404.xsl: the page a server shows for a missing address.  Only the site
  data is in the model; links are made from base-url's path (layout.xsl).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="id" select="'notfound-title'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <div class="notfound">
      <h1><xsl:call-template name="t"><xsl:with-param name="id" select="'notfound-title'"/></xsl:call-template></h1>
      <p class="lead"><xsl:call-template name="t"><xsl:with-param name="id" select="'notfound-text'"/></xsl:call-template></p>
      <p>
        <a class="button">
          <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="site/home/@href"/></xsl:call-template></xsl:attribute>
          <xsl:call-template name="t"><xsl:with-param name="id" select="'back-home'"/></xsl:call-template>
        </a>
      </p>
    </div>
  </xsl:template>
</xsl:stylesheet>
