<?xml version="1.0" encoding="UTF-8"?>
<!--
  home.xsl: the home page.  Uses /page/site (title, organization,
  description, owners), /page/unfinished (the current year's measures
  in progress and planned, with their progress and newest update),
  /page/years/year (the current one: its dashboard from charts.xsl, with
  stats, report, area and indicator charts and recent updates; the
  others: stats, report).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="charts.xsl"/>
  <xsl:import href="scores.xsl"/>

  <xsl:template match="page" mode="main">
    <xsl:variable name="cur" select="years/year[@current = 'true']"/>
    <section class="intro">
      <!-- The question a visitor comes with, answered: how far is this year? -->
      <h1>
        <xsl:choose>
          <xsl:when test="$cur">
            <xsl:value-of select="p:fill('home-heading', 'year', $cur/@value-label, 'n', $cur/stats/status[@code = 'done']/@count-label, 'title', $cur/stats/@count-label)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="site/title"/></xsl:otherwise>
        </xsl:choose>
      </h1>
      <xsl:if test="site/description">
        <p class="lead"><xsl:value-of select="site/description"/></p>
      </xsl:if>
    </section>

    <xsl:choose>
      <xsl:when test="$cur">
        <section class="glance" aria-labelledby="glance-h">
          <h2 id="glance-h">
            <xsl:value-of select="p:fill('at-a-glance', 'year', $cur/@value-label)"/>
          </h2>
          <xsl:for-each select="$cur">
            <xsl:call-template name="dashboard"><xsl:with-param name="level" select="3"/></xsl:call-template>
            <h3>
              <xsl:value-of select="p:t('by-area')"/>
            </h3>
            <ul class="cards area-cards">
              <xsl:for-each select="area">
                <li class="card area-card">
                  <h4 class="card-title"><a href="{@href}"><xsl:value-of select="@name"/></a></h4>
                  <p class="card-count">
                    <xsl:call-template name="n-measures"><xsl:with-param name="n" select="stats/@count-label"/></xsl:call-template>
                    <xsl:text> · </xsl:text>
                    <xsl:value-of select="p:t('mean-progress')"/>
                    <xsl:text> </xsl:text>
                    <xsl:value-of select="p:fill('percent', 'n', stats/@mean-label)"/>
                  </p>
                </li>
              </xsl:for-each>
            </ul>
            <ul class="actions">
              <li>
                <a class="button" href="{@href}">
                  <xsl:value-of select="p:fill('view-year', 'year', @value-label)"/>
                </a>
              </li>
            </ul>
          </xsl:for-each>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <p class="notice"><xsl:value-of select="p:t('no-data')"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:for-each select="unfinished">
      <section class="unfinished" aria-labelledby="unfinished-h">
        <h2 id="unfinished-h">
          <xsl:value-of select="p:fill('unfinished', 'year', @year-label)"/>
        </h2>
        <xsl:choose>
          <xsl:when test="@count = 0">
            <p><xsl:value-of select="p:t('unfinished-none')"/></p>
          </xsl:when>
          <xsl:otherwise>
            <p>
              <xsl:call-template name="n-measures"><xsl:with-param name="n" select="@count-label"/></xsl:call-template>
              <xsl:for-each select="$cur/stats/status[@href][@code = 'in-progress' or @code = 'planned']">
                <xsl:text> · </xsl:text>
                <a href="{@href}">
                  <xsl:call-template name="fill">
                    <xsl:with-param name="id" select="'see-all-status'"/>
                    <xsl:with-param name="title"><xsl:value-of select="p:t(concat('status-', @code))"/></xsl:with-param>
                    <xsl:with-param name="n" select="@count-label"/>
                  </xsl:call-template>
                </a>
              </xsl:for-each>
            </p>
            <ol class="unfinished-list">
              <xsl:for-each select="measure">
                <li>
                  <a href="{@href}"><xsl:value-of select="title"/></a>
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="status-badge"><xsl:with-param name="code" select="status/@code"/></xsl:call-template>
                  <xsl:text> </xsl:text>
                  <span class="label"><xsl:value-of select="p:t('progress')"/></span>
                  <xsl:text> </xsl:text>
                  <strong>
                    <xsl:value-of select="p:fill('percent', 'n', progress)"/>
                  </strong>
                  <xsl:for-each select="updated">
                    <xsl:text> · </xsl:text>
                    <span class="label"><xsl:value-of select="p:t('updated')"/></span>
                    <xsl:text> </xsl:text>
                    <time datetime="{@iso}"><xsl:value-of select="."/></time>
                  </xsl:for-each>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
    <xsl:call-template name="scores"/>

    <xsl:if test="years/year[not(@current = 'true')]">
      <section class="other-years" aria-labelledby="years-h">
        <h2 id="years-h"><xsl:value-of select="p:t('other-years')"/></h2>
        <ul class="cards year-cards">
          <xsl:for-each select="years/year[not(@current = 'true')]">
            <li class="card year-card">
              <h3 class="card-title">
                <a href="{@href}">
                  <xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="@value-label"/></xsl:call-template>
                </a>
              </h3>
              <p class="card-count">
                <xsl:call-template name="n-measures"><xsl:with-param name="n" select="stats/@count-label"/></xsl:call-template>
              </p>
              <p class="card-progress">
                <span class="label"><xsl:value-of select="p:t('mean-progress')"/></span>
                <xsl:text> </xsl:text>
                <xsl:call-template name="progress-bar">
                  <xsl:with-param name="value" select="stats/@mean"/>
                  <xsl:with-param name="label" select="stats/@mean-label"/>
                </xsl:call-template>
              </p>
              <xsl:for-each select="report">
                <p><xsl:call-template name="report-link"/></p>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>

    <p class="owners-link">
      <a href="{site/owners/@href}">
        <xsl:value-of select="p:t('all-owners')"/>
      </a>
    </p>
  </xsl:template>
</xsl:stylesheet>
