<?xml version="1.0" encoding="UTF-8"?>
<!--
  charts.xsl: the progress dashboard of a fiscal year, with its charts made
  at build time as inline SVG (no JavaScript).  Imported by home.xsl and
  year.xsl after layout.xsl, whose templates (t, fill, stats, status-badge,
  indicator-name) it uses.

  A chart is a horizontal bar chart, one bar per item (an area or an
  indicator group of the model), bar length = the item's mean progress.
  Each bar has its name written above it and its number written beside it
  (in the site's digits), so colour carries no meaning of its own.  The
  SVG has role="img" with a <title> and a <desc> that lists every number,
  and is followed by a table with the same numbers.  The SVG scales with
  its viewBox (width 100%, no pixel width); names too long for one line at
  360 px are broken onto two lines.

  Pure XSLT 1.0 (no node-set extension): row positions are computed by
  recursion over the items.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">

  <!-- Geometry, in SVG user units (the viewBox is $chart-w wide). -->
  <xsl:variable name="chart-w" select="320"/>
  <xsl:variable name="chart-bar-w" select="248"/>
  <xsl:variable name="chart-fs" select="17"/>
  <xsl:variable name="chart-lh" select="23"/>
  <xsl:variable name="chart-bar-h" select="16"/>
  <xsl:variable name="chart-gap" select="14"/>
  <!-- Spacing characters that fit on one label line at 360 px. -->
  <xsl:variable name="chart-line-max" select="28"/>
  <!-- Thai marks that take no width of their own (above/below the line). -->
  <xsl:variable name="thai-marks" select="'&#xE31;&#xE34;&#xE35;&#xE36;&#xE37;&#xE38;&#xE39;&#xE3A;&#xE47;&#xE48;&#xE49;&#xE4A;&#xE4B;&#xE4C;&#xE4D;&#xE4E;'"/>
  <!-- Thai vowels written before their consonant: never end a line on one. -->
  <xsl:variable name="thai-lead" select="'&#xE40;&#xE41;&#xE42;&#xE43;&#xE44;'"/>

  <!-- ============================================================ dashboard -->

  <!-- The dashboard of a year (context: a year element of the model):
       counts and mean progress, status counts, the report period and link,
       charts per area and per indicator, the measures updated most recently.
       level: the heading level of its parts. -->
  <xsl:template name="dashboard">
    <xsl:param name="level" select="2"/>
    <div class="dashboard">
      <xsl:call-template name="stats"/>

      <xsl:for-each select="report">
        <div class="report-box">
          <xsl:element name="h{$level}">
            <xsl:attribute name="class">box-title</xsl:attribute>
            <xsl:value-of select="p:t('report')"/>
          </xsl:element>
          <xsl:if test="period">
            <p class="report-box-period">
              <span class="label"><xsl:value-of select="p:t('report-period')"/></span>
              <xsl:text> </xsl:text>
              <strong><xsl:value-of select="period"/></strong>
            </p>
          </xsl:if>
          <p class="report-box-link">
            <a class="button" href="{@href}">
              <xsl:value-of select="p:fill('read-report', 'year', ../@value-label)"/>
            </a>
          </p>
        </div>
      </xsl:for-each>

      <div class="charts">
        <xsl:call-template name="bar-chart">
          <xsl:with-param name="id" select="concat('chart-areas-', @value)"/>
          <xsl:with-param name="level" select="$level"/>
          <xsl:with-param name="title">
            <xsl:value-of select="p:t('chart-areas')"/>
          </xsl:with-param>
          <xsl:with-param name="col">
            <xsl:value-of select="p:t('areas')"/>
          </xsl:with-param>
          <xsl:with-param name="items" select="area"/>
        </xsl:call-template>
        <xsl:for-each select="area[indicator]">
          <xsl:call-template name="bar-chart">
            <xsl:with-param name="id" select="concat('chart-ind-', ../@value, '-', translate(@code, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))"/>
            <xsl:with-param name="level" select="$level"/>
            <xsl:with-param name="title">
              <xsl:value-of select="p:fill('chart-indicators', 'area', @name)"/>
            </xsl:with-param>
            <xsl:with-param name="col">
              <xsl:value-of select="p:t('indicator')"/>
            </xsl:with-param>
            <xsl:with-param name="items" select="indicator"/>
          </xsl:call-template>
        </xsl:for-each>
      </div>

      <xsl:if test="recent/measure">
        <section class="recent">
          <xsl:attribute name="aria-labelledby"><xsl:value-of select="concat('recent-', @value)"/></xsl:attribute>
          <xsl:element name="h{$level}">
            <xsl:attribute name="id"><xsl:value-of select="concat('recent-', @value)"/></xsl:attribute>
            <xsl:value-of select="p:t('recent')"/>
          </xsl:element>
          <ol class="recent-list">
            <xsl:for-each select="recent/measure">
              <li class="recent-item">
                <a class="recent-title" href="{@href}"><xsl:value-of select="title"/></a>
                <span class="recent-meta">
                  <span class="recent-date">
                    <span class="label"><xsl:value-of select="p:t('updated')"/></span>
                    <xsl:text> </xsl:text>
                    <time datetime="{updated/@iso}"><xsl:value-of select="updated"/></time>
                  </span>
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="status-badge"><xsl:with-param name="code" select="status/@code"/></xsl:call-template>
                  <xsl:text> </xsl:text>
                  <span class="recent-progress">
                    <span class="label"><xsl:value-of select="p:t('progress')"/></span>
                    <xsl:text> </xsl:text>
                    <strong>
                      <xsl:value-of select="p:fill('percent', 'n', progress)"/>
                    </strong>
                  </span>
                </span>
              </li>
            </xsl:for-each>
          </ol>
        </section>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- ============================================================ items -->
  <!-- What a chart needs of an item: its name, its mean (0-100), the mean
       as shown ("๑๐๐%"), its measure count as shown, and a link. -->

  <xsl:template match="area" mode="chart-label"><xsl:value-of select="@name"/></xsl:template>
  <xsl:template match="area" mode="chart-value"><xsl:value-of select="stats/@mean"/></xsl:template>
  <xsl:template match="area" mode="chart-text">
    <xsl:value-of select="p:fill('percent', 'n', stats/@mean-label)"/>
  </xsl:template>
  <xsl:template match="area" mode="chart-count">
    <xsl:call-template name="n-measures"><xsl:with-param name="n" select="stats/@count-label"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="indicator" mode="chart-label"><xsl:call-template name="indicator-name"/></xsl:template>
  <xsl:template match="indicator" mode="chart-value"><xsl:value-of select="@mean"/></xsl:template>
  <xsl:template match="indicator" mode="chart-text">
    <xsl:value-of select="p:fill('percent', 'n', @mean-label)"/>
  </xsl:template>
  <xsl:template match="indicator" mode="chart-count">
    <xsl:call-template name="n-measures"><xsl:with-param name="n" select="@count-label"/></xsl:call-template>
  </xsl:template>

  <!-- ============================================================ chart -->

  <!-- A bar chart of items (area or indicator elements), with a heading,
       the SVG and a table of the same numbers.
       id: unique on the page; title: the heading and the SVG's title;
       col: the heading of the table's name column; level: heading level. -->
  <xsl:template name="bar-chart">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="col"/>
    <xsl:param name="items"/>
    <xsl:param name="level" select="2"/>
    <xsl:variable name="h">
      <xsl:call-template name="chart-height"><xsl:with-param name="items" select="$items"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="mean-word"><xsl:value-of select="p:t('mean-progress')"/></xsl:variable>
    <section class="chart" id="{$id}" aria-labelledby="{$id}-h">
      <xsl:element name="h{$level}">
        <xsl:attribute name="class">chart-title</xsl:attribute>
        <xsl:attribute name="id"><xsl:value-of select="concat($id, '-h')"/></xsl:attribute>
        <xsl:value-of select="normalize-space($title)"/>
      </xsl:element>
      <svg class="chart-svg" role="img" width="100%" viewBox="0 0 {$chart-w} {$h}"
           preserveAspectRatio="xMinYMin meet"
           aria-labelledby="{$id}-t" aria-describedby="{$id}-d">
        <title id="{$id}-t"><xsl:value-of select="normalize-space($title)"/></title>
        <desc id="{$id}-d">
          <xsl:value-of select="$mean-word"/>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="$items">
            <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
            <xsl:variable name="l"><xsl:apply-templates select="." mode="chart-label"/></xsl:variable>
            <xsl:value-of select="normalize-space($l)"/>
            <xsl:text> </xsl:text>
            <xsl:apply-templates select="." mode="chart-text"/>
            <xsl:text> (</xsl:text>
            <xsl:apply-templates select="." mode="chart-count"/>
            <xsl:text>)</xsl:text>
          </xsl:for-each>
        </desc>
        <xsl:call-template name="chart-rows"><xsl:with-param name="items" select="$items"/></xsl:call-template>
      </svg>
      <details class="chart-data">
        <summary><xsl:value-of select="p:t('chart-table')"/></summary>
        <table class="chart-table" data-chart="{$id}">
          <caption class="visually-hidden"><xsl:value-of select="normalize-space($title)"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="normalize-space($col)"/></th>
              <th scope="col"><xsl:value-of select="p:t('measure-count')"/></th>
              <th scope="col"><xsl:value-of select="$mean-word"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$items">
              <tr>
                <th scope="row">
                  <xsl:choose>
                    <xsl:when test="@href"><a href="{@href}"><xsl:apply-templates select="." mode="chart-label"/></a></xsl:when>
                    <xsl:otherwise><xsl:apply-templates select="." mode="chart-label"/></xsl:otherwise>
                  </xsl:choose>
                </th>
                <td class="num"><xsl:apply-templates select="." mode="chart-count"/></td>
                <td class="num"><xsl:apply-templates select="." mode="chart-text"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </details>
    </section>
  </xsl:template>

  <!-- Number of label lines (1 or 2) of the context item. -->
  <xsl:template name="chart-lines">
    <xsl:variable name="l"><xsl:apply-templates select="." mode="chart-label"/></xsl:variable>
    <xsl:variable name="cut"><xsl:call-template name="label-cut"><xsl:with-param name="s" select="normalize-space($l)"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$cut &gt; 0">2</xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The height of the chart of items: top padding plus every row. -->
  <xsl:template name="chart-height">
    <xsl:param name="items"/>
    <xsl:param name="i" select="1"/>
    <xsl:param name="acc" select="4"/>
    <xsl:choose>
      <xsl:when test="$i &gt; count($items)"><xsl:value-of select="$acc"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n"><xsl:for-each select="$items[$i]"><xsl:call-template name="chart-lines"/></xsl:for-each></xsl:variable>
        <xsl:call-template name="chart-height">
          <xsl:with-param name="items" select="$items"/>
          <xsl:with-param name="i" select="$i + 1"/>
          <xsl:with-param name="acc" select="$acc + $n * $chart-lh + 5 + $chart-bar-h + $chart-gap"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The rows from item i on, the first at y: the name above, the bar
       (track and fill) below it, the number right of the track. -->
  <xsl:template name="chart-rows">
    <xsl:param name="items"/>
    <xsl:param name="i" select="1"/>
    <xsl:param name="y" select="4"/>
    <xsl:if test="$i &lt;= count($items)">
      <xsl:for-each select="$items[$i]">
        <xsl:variable name="l0"><xsl:apply-templates select="." mode="chart-label"/></xsl:variable>
        <xsl:variable name="l" select="normalize-space($l0)"/>
        <xsl:variable name="cut"><xsl:call-template name="label-cut"><xsl:with-param name="s" select="$l"/></xsl:call-template></xsl:variable>
        <xsl:variable name="n"><xsl:choose><xsl:when test="$cut &gt; 0">2</xsl:when><xsl:otherwise>1</xsl:otherwise></xsl:choose></xsl:variable>
        <xsl:variable name="v0"><xsl:apply-templates select="." mode="chart-value"/></xsl:variable>
        <xsl:variable name="v">
          <xsl:choose>
            <xsl:when test="number($v0) &gt; 100">100</xsl:when>
            <xsl:when test="number($v0) &gt;= 0"><xsl:value-of select="number($v0)"/></xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="bar-y" select="$y + $n * $chart-lh + 5"/>
        <g class="chart-row">
          <xsl:choose>
            <xsl:when test="$cut &gt; 0">
              <text class="chart-label" x="0" y="{$y + 18}" font-size="{$chart-fs}"><xsl:value-of select="normalize-space(substring($l, 1, $cut))"/></text>
              <text class="chart-label" x="0" y="{$y + 18 + $chart-lh}" font-size="{$chart-fs}"><xsl:call-template name="fit-line"><xsl:with-param name="s" select="normalize-space(substring($l, $cut + 1))"/></xsl:call-template></text>
            </xsl:when>
            <xsl:otherwise>
              <text class="chart-label" x="0" y="{$y + 18}" font-size="{$chart-fs}"><xsl:value-of select="$l"/></text>
            </xsl:otherwise>
          </xsl:choose>
          <rect class="chart-track" x="0.5" y="{$bar-y + 0.5}" width="{$chart-bar-w - 1}" height="{$chart-bar-h - 1}" rx="3"/>
          <rect class="chart-bar" x="0" y="{$bar-y}" width="{round($v * $chart-bar-w * 10 div 100) div 10}" height="{$chart-bar-h}" rx="3" data-value="{$v}"/>
          <text class="chart-value" x="{$chart-bar-w + 7}" y="{$bar-y + 14}" font-size="{$chart-fs}" font-weight="700">
            <xsl:apply-templates select="." mode="chart-text"/>
          </text>
        </g>
        <xsl:call-template name="chart-rows">
          <xsl:with-param name="items" select="$items"/>
          <xsl:with-param name="i" select="$i + 1"/>
          <xsl:with-param name="y" select="$y + $n * $chart-lh + 5 + $chart-bar-h + $chart-gap"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- Where to break label s onto a second line: 0 when it fits on one;
       else after the last space that keeps the first line short enough,
       or (Thai is written without spaces) after a character that is
       neither followed by a mark nor a leading vowel. -->
  <xsl:template name="label-cut">
    <xsl:param name="s"/>
    <xsl:variable name="max" select="$chart-line-max"/>
    <xsl:choose>
      <xsl:when test="string-length(translate($s, $thai-marks, '')) &lt;= $max">0</xsl:when>
      <xsl:otherwise>
        <!-- Raw characters holding about max spacing characters. -->
        <xsl:variable name="head" select="substring($s, 1, $max)"/>
        <xsl:variable name="r" select="$max + string-length($head) - string-length(translate($head, $thai-marks, ''))"/>
        <xsl:variable name="sp">
          <xsl:call-template name="last-space">
            <xsl:with-param name="s" select="$s"/>
            <xsl:with-param name="i" select="$r"/>
            <xsl:with-param name="stop" select="floor($r div 3)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$sp &gt; 0 and string-length(translate(substring($s, $sp + 1), $thai-marks, '')) &lt;= $max"><xsl:value-of select="$sp"/></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="hard-cut">
              <xsl:with-param name="s" select="$s"/>
              <xsl:with-param name="i" select="$r - 2"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Line s as it fits: cut short with an ellipsis when too long (the
       whole name is in the SVG's desc and in the table). -->
  <xsl:template name="fit-line">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="string-length(translate($s, $thai-marks, '')) &lt;= $chart-line-max"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="head" select="substring($s, 1, $chart-line-max - 1)"/>
        <xsl:variable name="cut">
          <xsl:call-template name="hard-cut">
            <xsl:with-param name="s" select="$s"/>
            <xsl:with-param name="i" select="$chart-line-max - 3 + string-length($head) - string-length(translate($head, $thai-marks, ''))"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="concat(normalize-space(substring($s, 1, $cut)), '&#x2026;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="last-space">
    <xsl:param name="s"/>
    <xsl:param name="i"/>
    <xsl:param name="stop"/>
    <xsl:choose>
      <xsl:when test="$i &lt;= $stop">0</xsl:when>
      <xsl:when test="substring($s, $i, 1) = ' '"><xsl:value-of select="$i"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="last-space">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="i" select="$i - 1"/>
          <xsl:with-param name="stop" select="$stop"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hard-cut">
    <xsl:param name="s"/>
    <xsl:param name="i"/>
    <xsl:choose>
      <xsl:when test="$i &lt;= 1"><xsl:value-of select="floor(string-length($s) div 2)"/></xsl:when>
      <xsl:when test="contains(concat($thai-marks, '&#xE30;&#xE32;&#xE33;&#xE45;&#xE46;'), substring($s, $i + 1, 1)) or contains($thai-lead, substring($s, $i, 1))">
        <xsl:call-template name="hard-cut">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="i" select="$i - 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$i"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
