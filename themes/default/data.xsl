<?xml version="1.0" encoding="UTF-8"?>
<!--
  data.xsl: the data dictionary (data/).  Uses /page/site/data (the files,
  all years and per year) and /page/dictionary/column (@name, @th): what
  each column holds comes from the words dd-NAME.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="id" select="'data-title'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <p class="lead"><xsl:call-template name="t"><xsl:with-param name="id" select="'data-intro'"/></xsl:call-template></p>
    <p><xsl:call-template name="t"><xsl:with-param name="id" select="'data-dates'"/></xsl:call-template></p>
    <p><xsl:call-template name="t"><xsl:with-param name="id" select="'data-formulas'"/></xsl:call-template></p>

    <h2><xsl:call-template name="t"><xsl:with-param name="id" select="'data-files'"/></xsl:call-template></h2>
    <ul>
      <li>
        <xsl:call-template name="t"><xsl:with-param name="id" select="'open-data'"/></xsl:call-template>
        <xsl:call-template name="data-links"><xsl:with-param name="files" select="site/data/file"/></xsl:call-template>
      </li>
      <xsl:for-each select="site/data/year">
        <li>
          <xsl:call-template name="fill">
            <xsl:with-param name="id" select="'open-data-year'"/>
            <xsl:with-param name="year" select="@value-label"/>
          </xsl:call-template>
          <xsl:call-template name="data-links"><xsl:with-param name="files" select="file"/></xsl:call-template>
        </li>
      </xsl:for-each>
    </ul>

    <h2 id="columns-h"><xsl:call-template name="t"><xsl:with-param name="id" select="'data-columns'"/></xsl:call-template></h2>
    <div>
      <xsl:call-template name="table-region-attrs">
        <xsl:with-param name="label"><xsl:call-template name="t"><xsl:with-param name="id" select="'data-columns'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <table class="data-dictionary">
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="id" select="'data-col-name'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="id" select="'data-col-th'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="id" select="'data-col-meaning'"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="dictionary/column">
            <tr>
              <th scope="row"><code><xsl:value-of select="@name"/></code></th>
              <td><xsl:value-of select="@th"/></td>
              <td><xsl:call-template name="t"><xsl:with-param name="id" select="concat('dd-', @name)"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
