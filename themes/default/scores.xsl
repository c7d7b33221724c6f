<?xml version="1.0" encoding="UTF-8"?>
<!--
  scores.xsl: the agency's ITA results across fiscal years, as the NACC
  reported them.  Imported by home.xsl and year.xsl after charts.xsl,
  whose chart-height and chart-rows templates draw the bars.  Uses
  /page/scores/year (@value-label, @basis, total, area, indicator with
  @score and @score-label, level, note, next).

  The chart is one bar per year (the total score), an SVG with a title
  and a description holding every number; a visible table beside it
  gives the same numbers and more (IIT, EIT, OIT, level), and links each
  year to the measures of the year after it, which were chosen from that
  year's result.  The year whose result this page's measures answer
  (@basis) also gets its scores by indicator.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">

  <!-- What chart-rows needs of a year of results. -->
  <xsl:template match="scores/year" mode="chart-label">
    <xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="@value-label"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="scores/year" mode="chart-value"><xsl:value-of select="total/@score"/></xsl:template>
  <xsl:template match="scores/year" mode="chart-text"><xsl:value-of select="total/@score-label"/></xsl:template>

  <!-- The results section; level: its heading level. -->
  <xsl:template name="scores">
    <xsl:param name="level" select="2"/>
    <xsl:for-each select="/page/scores">
      <xsl:variable name="years" select="year"/>
      <xsl:variable name="h">
        <xsl:call-template name="chart-height"><xsl:with-param name="items" select="$years"/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="title"><xsl:value-of select="p:t('scores-chart')"/></xsl:variable>
      <section class="scores" id="scores" aria-labelledby="scores-h">
        <xsl:element name="h{$level}">
          <xsl:attribute name="id">scores-h</xsl:attribute>
          <xsl:value-of select="p:t('scores-title')"/>
        </xsl:element>
        <xsl:for-each select="year[@basis = 'true' and next]">
          <p class="scores-basis">
            <a href="{next/@href}">
              <xsl:value-of select="p:fill('scores-basis', 'year', next/@value-label, 'n', @value-label)"/>
            </a>
          </p>
        </xsl:for-each>
        <!-- In a chart box like the dashboard's: drawn no larger than its
             viewBox, so its text boxes are the size they say. -->
        <div class="chart scores-chart">
        <svg class="chart-svg" role="img" width="100%" viewBox="0 0 {$chart-w} {$h}"
             preserveAspectRatio="xMinYMin meet"
             aria-labelledby="scores-t" aria-describedby="scores-d">
          <title id="scores-t"><xsl:value-of select="normalize-space($title)"/></title>
          <desc id="scores-d">
            <xsl:for-each select="$years">
              <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
              <xsl:variable name="l"><xsl:apply-templates select="." mode="chart-label"/></xsl:variable>
              <xsl:value-of select="normalize-space($l)"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="total/@score-label"/>
              <xsl:if test="level">
                <xsl:text> (</xsl:text>
                <xsl:value-of select="level"/>
                <xsl:text>)</xsl:text>
              </xsl:if>
            </xsl:for-each>
          </desc>
          <xsl:call-template name="chart-rows"><xsl:with-param name="items" select="$years"/></xsl:call-template>
        </svg>
        </div>
        <div>
          <xsl:call-template name="table-region-attrs">
            <xsl:with-param name="label"><xsl:value-of select="p:t('scores-title')"/></xsl:with-param>
          </xsl:call-template>
          <table class="scores-table" data-chart="scores">
            <caption class="visually-hidden"><xsl:value-of select="p:t('scores-title')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="p:t('fiscal-year-label')"/></th>
                <th scope="col">IIT</th>
                <th scope="col">EIT</th>
                <th scope="col">OIT</th>
                <th scope="col"><xsl:value-of select="p:t('score-total')"/></th>
                <th scope="col"><xsl:value-of select="p:t('score-level')"/></th>
                <th scope="col"><xsl:value-of select="p:t('score-next')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$years">
                <tr data-year="{@value}">
                  <th scope="row"><xsl:value-of select="@value-label"/></th>
                  <xsl:call-template name="score-cell"><xsl:with-param name="a" select="area[@code = 'IIT']"/></xsl:call-template>
                  <xsl:call-template name="score-cell"><xsl:with-param name="a" select="area[@code = 'EIT']"/></xsl:call-template>
                  <xsl:call-template name="score-cell"><xsl:with-param name="a" select="area[@code = 'OIT']"/></xsl:call-template>
                  <td class="num score" data-score="{total/@score}"><strong><xsl:value-of select="total/@score-label"/></strong></td>
                  <td><xsl:value-of select="level"/></td>
                  <td>
                    <xsl:for-each select="next">
                      <a href="{@href}">
                        <xsl:value-of select="p:fill('score-next-link', 'year', @value-label, 'n', @count-label)"/>
                      </a>
                    </xsl:for-each>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:if test="year/area[@weight]">
          <p class="meta">
            <xsl:value-of select="p:t('score-weights')"/>
            <xsl:for-each select="year[area/@weight][last()]/area[@weight]">
              <xsl:text> </xsl:text>
              <xsl:value-of select="@code"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="p:fill('percent', 'n', @weight-label)"/>
            </xsl:for-each>
          </p>
        </xsl:if>
        <xsl:for-each select="year[note]">
          <p class="meta">
            <xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="@value-label"/></xsl:call-template>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="note"/>
          </p>
        </xsl:for-each>
        <xsl:for-each select="year[@basis = 'true' and indicator]">
          <div>
            <xsl:call-template name="table-region-attrs">
              <xsl:with-param name="label">
                <xsl:value-of select="p:fill('scores-indicators', 'year', @value-label)"/>
              </xsl:with-param>
            </xsl:call-template>
            <table class="scores-table scores-indicators" data-year="{@value}">
              <caption>
                <xsl:value-of select="p:fill('scores-indicators', 'year', @value-label)"/>
              </caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="p:t('indicator')"/></th>
                  <th scope="col"><xsl:value-of select="p:t('score')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="indicator">
                  <tr data-indicator="{@number}">
                    <th scope="row"><xsl:call-template name="indicator-name"/></th>
                    <td class="num score" data-score="{@score}"><xsl:value-of select="@score-label"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:for-each>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- One area's score in the table, or an empty cell. -->
  <xsl:template name="score-cell">
    <xsl:param name="a"/>
    <td class="num score">
      <xsl:if test="$a">
        <xsl:attribute name="data-score"><xsl:value-of select="$a/@score"/></xsl:attribute>
        <xsl:value-of select="$a/@score-label"/>
      </xsl:if>
    </td>
  </xsl:template>
</xsl:stylesheet>
