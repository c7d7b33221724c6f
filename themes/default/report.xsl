<?xml version="1.0" encoding="UTF-8"?>
<!--
  report.xsl: the official report of one fiscal year, in the NACC's
  five-column form, as the seed document: heading lines, introduction,
  reporting period, then one table per section of the framework data.
  Uses /page/report (@year-label, title, period, intro, section with
  @number-label, title and measure rows: @number-label, title, methods,
  owners, period, result, body).  Printing (static/print.css): A4
  landscape, header row on every page, page numbers, no site chrome.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="heading"/>
    <xsl:text> </xsl:text>
    <xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="report/@year-label"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="crumbs">
    <xsl:for-each select="report">
      <xsl:call-template name="crumb">
        <xsl:with-param name="text"><xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="@year-label"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The report's title as the editor wrote it, or the standard one. -->
  <xsl:template name="heading">
    <xsl:choose>
      <xsl:when test="normalize-space(/page/report/title) != ''"><xsl:value-of select="normalize-space(/page/report/title)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="p:t('report-heading')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:for-each select="report">
      <div class="report-doc digits-{/page/@digits}">
      <header class="report-head">
        <h1>
          <xsl:call-template name="heading"/>
          <xsl:text> </xsl:text>
          <span class="h1-sub">
            <xsl:value-of select="p:fill('report-subtitle', 'org', /page/site/organization, 'year', @year-label)"/>
          </span>
          <xsl:call-template name="part-label"/>
        </h1>
      </header>
      <xsl:choose>
        <xsl:when test="pdf">
          <p class="print-hint report-pdf">
            <a class="button" href="{pdf/@href}"><xsl:value-of select="p:t('report-pdf')"/></a>
          </p>
        </xsl:when>
        <xsl:otherwise>
          <p class="print-hint"><xsl:value-of select="p:t('print-hint')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$first-part and intro/node()">
        <div class="prose report-intro">
          <xsl:apply-templates select="intro/node()" mode="html"/>
        </div>
      </xsl:if>
      <xsl:for-each select="period">
        <p class="report-period">
          <xsl:value-of select="p:t('report-period')"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="."/>
        </p>
      </xsl:for-each>
      <xsl:for-each select="as-of">
        <p class="report-as-of">
          <xsl:value-of select="p:t('report-as-of')"/>
          <xsl:text> </xsl:text>
          <time datetime="{@iso}"><xsl:value-of select="."/></time>
        </p>
      </xsl:for-each>

      <xsl:for-each select="section">
        <section class="report-section">
          <h2>
            <xsl:value-of select="p:fill('report-section', 'n', @number-label, 'title', title, 'year', ../@year-label)"/>
          </h2>
          <xsl:choose>
            <xsl:when test="measure">
              <div>
                <xsl:call-template name="table-region-attrs">
                  <xsl:with-param name="label">
                    <xsl:value-of select="p:fill('report-table', 'n', @number-label)"/>
                  </xsl:with-param>
                </xsl:call-template>
                <table class="report-table">
                  <colgroup>
                    <col class="c-measure"/><col class="c-methods"/><col class="c-owners"/><col class="c-period"/><col class="c-result"/>
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col"><xsl:value-of select="p:t('col-measure')"/></th>
                      <th scope="col"><xsl:value-of select="p:t('col-methods')"/></th>
                      <th scope="col"><xsl:value-of select="p:t('col-owners')"/></th>
                      <th scope="col"><xsl:value-of select="p:t('col-period')"/></th>
                      <th scope="col"><xsl:value-of select="p:t('col-result')"/></th>
                    </tr>
                  </thead>
                  <tbody>
                    <xsl:for-each select="measure">
                      <tr>
                        <th scope="row" class="c-measure">
                          <span class="row-num">
                            <xsl:value-of select="p:fill('row-number', 'n', @number-label)"/>
                          </span>
                          <xsl:text> </xsl:text>
                          <a href="{@href}"><xsl:value-of select="title"/></a>
                        </th>
                        <td class="cell-html">
                          <xsl:apply-templates select="methods/node()" mode="html"/>
                        </td>
                        <td>
                          <ul class="plain-list">
                            <xsl:for-each select="owners/owner"><li><xsl:value-of select="."/></li></xsl:for-each>
                          </ul>
                        </td>
                        <td><xsl:value-of select="period"/></td>
                        <td class="cell-html">
                          <xsl:choose>
                            <xsl:when test="result or methods">
                              <xsl:apply-templates select="result/node()" mode="html"/>
                            </xsl:when>
                            <!-- No ## sections: the whole body is the result. -->
                            <xsl:otherwise>
                              <xsl:apply-templates select="body/node()" mode="html"/>
                            </xsl:otherwise>
                          </xsl:choose>
                          <p class="cell-status">
                            <xsl:call-template name="status-badge"><xsl:with-param name="code" select="status/@code"/></xsl:call-template>
                            <xsl:text> </xsl:text>
                            <xsl:value-of select="p:fill('percent', 'n', progress)"/>
                          </p>
                        </td>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                  <!-- Repeated at the foot of every printed page's part of
                       the table: its bottom rule (print.css). -->
                  <tfoot class="print-rule" aria-hidden="true"><tr><td colspan="5"></td></tr></tfoot>
                </table>
              </div>
            </xsl:when>
            <xsl:otherwise>
              <p class="notice"><xsl:value-of select="p:t('no-measures')"/></p>
            </xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:for-each>
      <xsl:call-template name="parts-nav"/>
      <!-- A report in parts is signed at the end of its last. -->
      <xsl:if test="$last-part and (signed-by or prepared-by or date or /page/site/contact)">
        <!-- Printed on the page of the table's last row (print.css). -->
        <div class="report-end">
          <xsl:for-each select="signed-by | prepared-by">
            <div class="signature sign-{local-name()}">
              <p class="sign-line">
                <xsl:value-of select="p:t('sign-here')"/>
              </p>
              <p class="sign-name">(<xsl:value-of select="name"/>)</p>
              <p class="sign-position">
                <xsl:if test="self::prepared-by">
                  <xsl:value-of select="p:t('prepared-by')"/>
                  <xsl:text> </xsl:text>
                </xsl:if>
                <xsl:value-of select="position"/>
              </p>
              <xsl:if test="self::signed-by and ../date">
                <p class="sign-date">
                  <xsl:value-of select="p:t('sign-date')"/>
                  <xsl:text> </xsl:text>
                  <time datetime="{../date/@iso}"><xsl:value-of select="../date"/></time>
                </p>
              </xsl:if>
            </div>
          </xsl:for-each>
          <xsl:if test="date and not(signed-by)">
            <p class="sign-date">
              <xsl:value-of select="p:t('sign-date')"/>
              <xsl:text> </xsl:text>
              <time datetime="{date/@iso}"><xsl:value-of select="date"/></time>
            </p>
          </xsl:if>
          <xsl:call-template name="contact-block"/>
        </div>
      </xsl:if>
      </div>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
