<?xml version="1.0" encoding="UTF-8"?>
<!--
  data.xsl: the data dictionary (data/).  Uses /page/site/data (the files,
  all years and per year) and /page/dictionary/column (@name, @th): what
  each column holds comes from the words dd-NAME.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="p:t('data-title')"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <p class="lead"><xsl:value-of select="p:t('data-intro')"/></p>
    <p><xsl:value-of select="p:t('data-dates')"/></p>
    <p><xsl:value-of select="p:t('data-formulas')"/></p>

    <h2><xsl:value-of select="p:t('data-files')"/></h2>
    <ul>
      <li>
        <xsl:value-of select="p:t('open-data')"/>
        <xsl:call-template name="data-links"><xsl:with-param name="files" select="site/data/file"/></xsl:call-template>
      </li>
      <xsl:for-each select="site/data/year">
        <li>
          <xsl:value-of select="p:fill('open-data-year', 'year', @value-label)"/>
          <xsl:call-template name="data-links"><xsl:with-param name="files" select="file"/></xsl:call-template>
        </li>
      </xsl:for-each>
    </ul>

    <h2 id="columns-h"><xsl:value-of select="p:t('data-columns')"/></h2>
    <div>
      <xsl:call-template name="table-region-attrs">
        <xsl:with-param name="label"><xsl:value-of select="p:t('data-columns')"/></xsl:with-param>
      </xsl:call-template>
      <table class="data-dictionary">
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="p:t('data-col-name')"/></th>
            <th scope="col"><xsl:value-of select="p:t('data-col-th')"/></th>
            <th scope="col"><xsl:value-of select="p:t('data-col-meaning')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="dictionary/column">
            <tr>
              <th scope="row"><code><xsl:value-of select="@name"/></code></th>
              <td><xsl:value-of select="@th"/></td>
              <td><xsl:value-of select="p:t(concat('dd-', @name))"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
