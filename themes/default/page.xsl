<?xml version="1.0" encoding="UTF-8"?>
<!--
  page.xsl: a free page (about, contact…).  Uses /page/doc (title, body).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="doc/title"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:value-of select="doc/title"/></h1>
    <div class="prose">
      <xsl:apply-templates select="doc/body/node()" mode="html"/>
    </div>
  </xsl:template>
</xsl:stylesheet>
