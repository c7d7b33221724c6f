<?xml version="1.0" encoding="UTF-8"?>
<!--
  home.xsl: the home page.  Uses /page/site (title, organization,
  description, owners), /page/unfinished (the current year's measures
  in progress and planned, with their progress and newest update),
  /page/years/year (the current one: its dashboard from charts.xsl, with
  stats, report, area and indicator charts and recent updates; the
  others: stats, report).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
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
            <xsl:call-template name="fill">
              <xsl:with-param name="id" select="'home-heading'"/>
              <xsl:with-param name="year" select="$cur/@value-label"/>
              <xsl:with-param name="n" select="$cur/stats/status[@code = 'done']/@count-label"/>
              <xsl:with-param name="title" select="$cur/stats/@count-label"/>
            </xsl:call-template>
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
            <xsl:call-template name="fill">
              <xsl:with-param name="id" select="'at-a-glance'"/>
              <xsl:with-param name="year" select="$cur/@value-label"/>
            </xsl:call-template>
          </h2>
          <xsl:for-each select="$cur">
            <xsl:call-template name="dashboard"><xsl:with-param name="level" select="3"/></xsl:call-template>
            <h3>
              <xsl:call-template name="t"><xsl:with-param name="id" select="'by-area'"/></xsl:call-template>
            </h3>
            <ul class="cards area-cards">
              <xsl:for-each select="area">
                <li class="card area-card">
                  <h4 class="card-title"><a href="{@href}"><xsl:value-of select="@name"/></a></h4>
                  <p class="card-count">
                    <xsl:call-template name="n-measures"><xsl:with-param name="n" select="stats/@count-label"/></xsl:call-template>
                    <xsl:text> · </xsl:text>
                    <xsl:call-template name="t"><xsl:with-param name="id" select="'mean-progress'"/></xsl:call-template>
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="fill">
                      <xsl:with-param name="id" select="'percent'"/>
                      <xsl:with-param name="n" select="stats/@mean-label"/>
                    </xsl:call-template>
                  </p>
                </li>
              </xsl:for-each>
            </ul>
            <ul class="actions">
              <li>
                <a class="button" href="{@href}">
                  <xsl:call-template name="fill">
                    <xsl:with-param name="id" select="'view-year'"/>
                    <xsl:with-param name="year" select="@value-label"/>
                  </xsl:call-template>
                </a>
              </li>
            </ul>
          </xsl:for-each>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <p class="notice"><xsl:call-template name="t"><xsl:with-param name="id" select="'no-data'"/></xsl:call-template></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:for-each select="unfinished">
      <section class="unfinished" aria-labelledby="unfinished-h">
        <h2 id="unfinished-h">
          <xsl:call-template name="fill">
            <xsl:with-param name="id" select="'unfinished'"/>
            <xsl:with-param name="year" select="@year-label"/>
          </xsl:call-template>
        </h2>
        <xsl:choose>
          <xsl:when test="@count = 0">
            <p><xsl:call-template name="t"><xsl:with-param name="id" select="'unfinished-none'"/></xsl:call-template></p>
          </xsl:when>
          <xsl:otherwise>
            <p>
              <xsl:call-template name="n-measures"><xsl:with-param name="n" select="@count-label"/></xsl:call-template>
              <xsl:for-each select="$cur/stats/status[@href][@code = 'in-progress' or @code = 'planned']">
                <xsl:text> · </xsl:text>
                <a href="{@href}">
                  <xsl:call-template name="fill">
                    <xsl:with-param name="id" select="'see-all-status'"/>
                    <xsl:with-param name="title"><xsl:call-template name="t"><xsl:with-param name="id" select="concat('status-', @code)"/></xsl:call-template></xsl:with-param>
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
                  <span class="label"><xsl:call-template name="t"><xsl:with-param name="id" select="'progress'"/></xsl:call-template></span>
                  <xsl:text> </xsl:text>
                  <strong>
                    <xsl:call-template name="fill">
                      <xsl:with-param name="id" select="'percent'"/>
                      <xsl:with-param name="n" select="progress"/>
                    </xsl:call-template>
                  </strong>
                  <xsl:for-each select="updated">
                    <xsl:text> · </xsl:text>
                    <span class="label"><xsl:call-template name="t"><xsl:with-param name="id" select="'updated'"/></xsl:call-template></span>
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
        <h2 id="years-h"><xsl:call-template name="t"><xsl:with-param name="id" select="'other-years'"/></xsl:call-template></h2>
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
                <span class="label"><xsl:call-template name="t"><xsl:with-param name="id" select="'mean-progress'"/></xsl:call-template></span>
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
        <xsl:call-template name="t"><xsl:with-param name="id" select="'all-owners'"/></xsl:call-template>
      </a>
    </p>
  </xsl:template>
</xsl:stylesheet>
