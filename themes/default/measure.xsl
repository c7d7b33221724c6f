<?xml version="1.0" encoding="UTF-8"?>
<!--
  measure.xsl: one measure.  Uses /page/measure: title, summary, year,
  areas, indicator, owners, period (@as-written), status, progress,
  updated, body (the Markdown HTML), evidence, updates, neighbours.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="measure/title"/>
  </xsl:template>

  <xsl:template match="page" mode="description">
    <xsl:choose>
      <xsl:when test="measure/summary"><xsl:value-of select="measure/summary"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="site/description"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="crumbs">
    <xsl:for-each select="measure/year">
      <xsl:call-template name="crumb">
        <xsl:with-param name="text"><xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="."/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="measure/areas/area[1]">
      <xsl:call-template name="crumb"><xsl:with-param name="text" select="@name"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:for-each select="measure">
      <article class="measure">
        <xsl:if test="@draft">
          <p class="draft-banner" role="note"><strong><xsl:value-of select="p:t('draft-banner')"/></strong></p>
        </xsl:if>
        <header class="measure-head">
          <h1><xsl:value-of select="title"/></h1>
          <xsl:if test="summary">
            <p class="lead"><xsl:value-of select="summary"/></p>
          </xsl:if>
          <p class="measure-state">
            <xsl:call-template name="status-badge"><xsl:with-param name="code" select="status/@code"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <span class="progress-row">
              <span class="label"><xsl:value-of select="p:t('progress')"/></span>
              <xsl:text> </xsl:text>
              <xsl:call-template name="progress-bar">
                <xsl:with-param name="value" select="progress/@value"/>
                <xsl:with-param name="label" select="progress"/>
              </xsl:call-template>
            </span>
          </p>
        </header>

        <div class="measure-layout">
          <aside class="facts-box">
            <dl class="facts">
              <div>
                <dt><xsl:value-of select="p:t('fiscal-year-label')"/></dt>
                <dd><a href="{year/@href}"><xsl:value-of select="year"/></a></dd>
              </div>
              <div>
                <dt><xsl:value-of select="p:t('areas')"/></dt>
                <dd>
                  <ul class="plain-list">
                    <xsl:for-each select="areas/area">
                      <li><a href="{@href}"><xsl:value-of select="@name"/></a></li>
                    </xsl:for-each>
                  </ul>
                </dd>
              </div>
              <xsl:for-each select="indicator">
                <div>
                  <dt><xsl:value-of select="p:t('indicator')"/></dt>
                  <dd><xsl:call-template name="indicator-name"/></dd>
                </div>
              </xsl:for-each>
              <div>
                <dt><xsl:value-of select="p:t('owners')"/></dt>
                <dd>
                  <ul class="plain-list">
                    <xsl:for-each select="owners/owner">
                      <li><a href="{@href}"><xsl:value-of select="."/></a></li>
                    </xsl:for-each>
                  </ul>
                </dd>
              </div>
              <div>
                <dt><xsl:value-of select="p:t('period')"/></dt>
                <dd>
                  <xsl:value-of select="period"/>
                  <xsl:if test="period/@as-written and normalize-space(period/@as-written) != normalize-space(period)">
                    <span class="note">
                      <xsl:value-of select="p:t('as-written')"/>
                      <xsl:text> “</xsl:text>
                      <xsl:value-of select="period/@as-written"/>
                      <xsl:text>”</xsl:text>
                    </span>
                  </xsl:if>
                </dd>
              </div>
              <xsl:for-each select="updated">
                <div>
                  <dt><xsl:value-of select="p:t('updated')"/></dt>
                  <dd><time datetime="{@iso}"><xsl:value-of select="."/></time></dd>
                </div>
              </xsl:for-each>
            </dl>
          </aside>

          <div class="measure-main">
            <xsl:if test="body/node()">
              <div class="prose">
                <xsl:apply-templates select="body/node()" mode="html"/>
              </div>
            </xsl:if>

            <xsl:if test="evidence/item">
              <section class="evidence" aria-labelledby="evidence-h">
                <h2 id="evidence-h"><xsl:value-of select="p:t('evidence')"/></h2>
                <ul class="link-list">
                  <xsl:for-each select="evidence/item">
                    <li>
                      <a href="{@href}"><xsl:value-of select="."/></a>
                      <xsl:if test="starts-with(@href, 'http://') or starts-with(@href, 'https://')">
                        <xsl:text> </xsl:text>
                        <span class="meta"><xsl:value-of select="p:t('external')"/></span>
                      </xsl:if>
                    </li>
                  </xsl:for-each>
                </ul>
              </section>
            </xsl:if>

            <xsl:if test="updates/update">
              <section class="updates" aria-labelledby="updates-h">
                <h2 id="updates-h"><xsl:value-of select="p:t('updates')"/></h2>
                <ol class="timeline">
                  <xsl:for-each select="updates/update">
                    <li>
                      <p class="timeline-head">
                        <time datetime="{date/@iso}"><xsl:value-of select="date"/></time>
                        <xsl:for-each select="status">
                          <xsl:text> </xsl:text>
                          <xsl:call-template name="status-badge"><xsl:with-param name="code" select="@code"/></xsl:call-template>
                        </xsl:for-each>
                        <xsl:for-each select="progress">
                          <xsl:text> </xsl:text>
                          <span class="timeline-progress">
                            <xsl:value-of select="p:t('progress')"/>
                            <xsl:text> </xsl:text>
                            <xsl:value-of select="p:fill('percent', 'n', .)"/>
                          </span>
                        </xsl:for-each>
                      </p>
                      <xsl:if test="note">
                        <p class="timeline-note"><xsl:value-of select="note"/></p>
                      </xsl:if>
                    </li>
                  </xsl:for-each>
                </ol>
              </section>
            </xsl:if>
            <xsl:for-each select="feed">
              <p class="feed-link">
                <a href="{@href}"><xsl:value-of select="p:t('feed-measure')"/></a>
              </p>
            </xsl:for-each>
          </div>
        </div>

        <xsl:for-each select="neighbours/area[prev or next]">
          <nav class="pager">
            <xsl:variable name="label">
              <xsl:value-of select="p:fill('neighbours', 'area', @name)"/>
            </xsl:variable>
            <xsl:attribute name="aria-label"><xsl:value-of select="$label"/></xsl:attribute>
            <p class="pager-title" aria-hidden="true"><xsl:value-of select="$label"/></p>
            <ul>
              <xsl:for-each select="prev">
                <li class="pager-prev">
                  <a href="{@href}" rel="prev">
                    <span class="pager-dir"><span aria-hidden="true">← </span><xsl:value-of select="p:t('prev')"/></span>
                    <xsl:text> </xsl:text>
                    <span class="pager-name"><xsl:value-of select="."/></span>
                  </a>
                </li>
              </xsl:for-each>
              <xsl:for-each select="next">
                <li class="pager-next">
                  <a href="{@href}" rel="next">
                    <span class="pager-dir"><xsl:value-of select="p:t('next')"/><span aria-hidden="true"> →</span></span>
                    <xsl:text> </xsl:text>
                    <span class="pager-name"><xsl:value-of select="."/></span>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </xsl:for-each>
      </article>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
