<?xml version="1.0" encoding="UTF-8"?>
<!--
  404.xsl: the page a server shows for a missing address.  Only the site
  data is in the model; links are made from base-url's path (layout.xsl).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="p:t('notfound-title')"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <div class="notfound">
      <h1><xsl:value-of select="p:t('notfound-title')"/></h1>
      <p class="lead"><xsl:value-of select="p:t('notfound-text')"/></p>
      <p>
        <a class="button">
          <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="site/home/@href"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="p:t('back-home')"/>
        </a>
      </p>
    </div>
  </xsl:template>
</xsl:stylesheet>
