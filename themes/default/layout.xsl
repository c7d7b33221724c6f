<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl: the page shell shared by every page type of the default theme.

  Each TYPE.xsl imports this file and fills the shell through modes on the
  /page element:
    mode="title"        the page's own title, as text ("" on the home page)
    mode="description"  the meta description, as text (default: site description)
    mode="crumbs"       <li> items of the breadcrumb between home and this page
    mode="main"         the content of <main>
  Every UI word comes from the theme's strings, through Prongsai's p:t()
  and p:fill() (a stylesheet that names /page/strings, as search.xsl
  does, has them in its model too); numbers and dates
  are shown with the model's labels, already in the site's digits.  The
  header, menu and footer are made once per depth and page type
  (p:once; see README.md).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" extension-element-prefixes="p"
    exclude-result-prefixes="p">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- The 404 page is served for any missing address, at any depth, so its
       links cannot be relative: they start from the path of base-url. -->
  <xsl:variable name="is404" select="/page/@type = '404'"/>
  <xsl:variable name="root">
    <xsl:choose>
      <xsl:when test="$is404">
        <xsl:value-of select="concat('/', substring-after(substring-after(/page/site/base-url, '://'), '/'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="/page/@root"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- This page's own address as the model writes links to it. -->
  <xsl:variable name="self" select="concat(/page/@root, /page/@path, 'index.html')"/>

  <!-- ============================================================ shell -->
  <xsl:template match="/">
    <xsl:variable name="title">
      <xsl:apply-templates select="/page" mode="title"/>
      <xsl:for-each select="/page/parts">
        <xsl:text> </xsl:text>
        <xsl:value-of select="p:fill('list-part', 'n', @current-label, 'count', @count-label)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="desc">
      <xsl:apply-templates select="/page" mode="description"/>
    </xsl:variable>
    <html lang="{/page/@lang}">
      <head>
        <!-- Prongsai writes <meta charset> first in <head> itself. -->
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:if test="normalize-space($title) != ''">
            <xsl:value-of select="normalize-space($title)"/>
            <xsl:text> – </xsl:text>
          </xsl:if>
          <xsl:value-of select="/page/site/title"/>
        </title>
        <xsl:if test="normalize-space($desc) != ''">
          <meta name="description" content="{normalize-space($desc)}"/>
        </xsl:if>
        <xsl:if test="not($is404)">
          <link rel="canonical" href="{/page/@canonical}"/>
        </xsl:if>
        <meta name="generator" content="{/page/site/generator}"/>
        <link rel="stylesheet" href="{$root}static/style.css"/>
        <link rel="stylesheet" href="{$root}static/print.css" media="print"/>
        <xsl:for-each select="/page/site/colors">
          <!-- site.yaml colors: Prongsai checked their contrast. -->
          <style><xsl:value-of select="concat('.site-header,.button{background:', @primary, '}.site-nav,.button:hover{background:', @dark, '}.site-nav a:hover{background:', @primary, '}.site-nav a[aria-current]{color:', @dark, '}main a:not(.button){color:', @primary, '}')"/></style>
        </xsl:for-each>
        <!-- Without an icon link every visit asks for /favicon.ico. -->
        <link rel="icon" href="{$root}static/favicon.svg" type="image/svg+xml"/>
        <link rel="icon" href="{$root}static/favicon.png" type="image/png" sizes="32x32"/>
        <xsl:for-each select="/page/site/feeds/feed[not(@area)] | /page/site/feeds/feed[@area = /page/area/@code] | /page/measure/feed | /page/owner/feed">
          <link rel="alternate" type="application/rss+xml" title="{@title}">
            <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="@href"/></xsl:call-template></xsl:attribute>
          </link>
        </xsl:for-each>
      </head>
      <body class="page-{/page/@type}">
        <a class="skip-link" href="#main">
          <xsl:value-of select="p:t('skip-to-content')"/>
        </a>
        <!-- Made once per depth and page type: they show only the site
             element, which is the same at one depth, and the menu marks
             this page when the site element links to it. -->
        <p:once key="{/page/@root}"><xsl:call-template name="site-header"/></p:once>
        <p:once key="{/page/@root} {(/page/site//@href[. = $self])[1]}"><xsl:call-template name="site-nav"/></p:once>
        <xsl:if test="/page/@type != 'home'">
          <xsl:call-template name="breadcrumb">
            <xsl:with-param name="title" select="normalize-space($title)"/>
          </xsl:call-template>
        </xsl:if>
        <main id="main" class="wrap">
          <xsl:apply-templates select="/page" mode="main"/>
        </main>
        <p:once key="{/page/@root}"><xsl:call-template name="site-footer"/></p:once>
      </body>
    </html>
  </xsl:template>

  <!-- Defaults a page type may override. -->
  <xsl:template match="page" mode="title"/>
  <xsl:template match="page" mode="description">
    <xsl:value-of select="site/description"/>
  </xsl:template>
  <xsl:template match="page" mode="crumbs"/>
  <xsl:template match="page" mode="main"/>

  <xsl:template name="site-header">
    <header class="site-header">
      <div class="wrap">
        <a class="brand">
          <xsl:if test="/page/site/logo">
            <xsl:attribute name="class">brand brand-with-logo</xsl:attribute>
          </xsl:if>
          <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="/page/site/home/@href"/></xsl:call-template></xsl:attribute>
          <xsl:if test="/page/@type = 'home'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
          <xsl:for-each select="/page/site/logo">
            <img class="brand-logo" alt="{@alt}" width="56" height="56">
              <xsl:attribute name="src"><xsl:call-template name="url"><xsl:with-param name="h" select="@href"/></xsl:call-template></xsl:attribute>
            </img>
          </xsl:for-each>
          <span class="brand-text">
            <span class="brand-title"><xsl:value-of select="/page/site/title"/></span>
            <xsl:if test="not(contains(/page/site/title, /page/site/organization))">
              <span class="brand-org"><xsl:value-of select="/page/site/organization"/></span>
            </xsl:if>
          </span>
        </a>
        <xsl:for-each select="/page/site/main-site">
          <a class="main-site" href="{@href}"><xsl:value-of select="."/></a>
        </xsl:for-each>
        <xsl:call-template name="search-box"/>
      </div>
    </header>
  </xsl:template>

  <!-- A search box on every page but the search page (which has its own):
       a plain GET form, so it works without JavaScript too. -->
  <xsl:template name="search-box">
    <xsl:if test="/page/site/search and /page/@type != 'search'">
      <form class="site-search" role="search" method="get">
        <xsl:attribute name="action"><xsl:call-template name="url"><xsl:with-param name="h" select="/page/site/search/@href"/></xsl:call-template></xsl:attribute>
        <label for="site-search-q" class="visually-hidden"><xsl:value-of select="p:t('search-site-label')"/></label>
        <input type="search" id="site-search-q" name="q" enterkeyhint="search"/>
        <button type="submit"><xsl:value-of select="p:t('search-button')"/></button>
      </form>
    </xsl:if>
  </xsl:template>

  <xsl:template name="site-nav">
    <xsl:variable name="site" select="/page/site"/>
    <nav class="site-nav">
      <xsl:attribute name="aria-label"><xsl:value-of select="p:t('nav-label')"/></xsl:attribute>
      <div class="wrap">
      <!-- Folded behind one button on a phone; always open from 768 px
           (style.css), with no script either way. -->
      <details class="nav-fold">
        <summary class="nav-button"><xsl:value-of select="p:t('menu-button')"/></summary>
        <div class="nav-body">
        <ul class="nav-menu">
          <xsl:for-each select="$site/menu/item">
            <li><xsl:call-template name="nav-link"/></li>
          </xsl:for-each>
          <li>
            <xsl:for-each select="$site/owners">
              <xsl:call-template name="nav-link">
                <xsl:with-param name="text"><xsl:value-of select="p:t('owners')"/></xsl:with-param>
              </xsl:call-template>
            </xsl:for-each>
          </li>
        </ul>
        <xsl:if test="$site/years/year">
          <div class="nav-group">
            <span class="nav-heading" id="nav-years">
              <xsl:value-of select="p:t('nav-years')"/>
            </span>
            <ul aria-labelledby="nav-years">
              <xsl:for-each select="$site/years/year">
                <li>
                  <xsl:call-template name="nav-link">
                    <xsl:with-param name="text" select="@value-label"/>
                  </xsl:call-template>
                </li>
              </xsl:for-each>
            </ul>
          </div>
        </xsl:if>
        <xsl:if test="$site/areas/area">
          <div class="nav-group nav-areas">
            <span class="nav-heading" id="nav-areas">
              <xsl:value-of select="p:fill('nav-areas', 'year', $site/areas/@year-label)"/>
            </span>
            <ul aria-labelledby="nav-areas">
              <xsl:for-each select="$site/areas/area">
                <li>
                  <xsl:call-template name="nav-link">
                    <xsl:with-param name="text" select="@name"/>
                  </xsl:call-template>
                </li>
              </xsl:for-each>
              <xsl:for-each select="$site/checklist">
                <li>
                  <xsl:call-template name="nav-link">
                    <xsl:with-param name="text"><xsl:value-of select="p:t('checklist-nav')"/></xsl:with-param>
                  </xsl:call-template>
                </li>
              </xsl:for-each>
            </ul>
          </div>
        </xsl:if>
        </div>
      </details>
      </div>
    </nav>
  </xsl:template>

  <!-- A link to the context node's @href; marks the current page. -->
  <xsl:template name="nav-link">
    <xsl:param name="text" select="."/>
    <a>
      <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="@href"/></xsl:call-template></xsl:attribute>
      <xsl:if test="@href = $self and not($is404)"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
      <xsl:value-of select="$text"/>
    </a>
  </xsl:template>

  <xsl:template name="breadcrumb">
    <xsl:param name="title"/>
    <nav class="breadcrumb wrap">
      <xsl:attribute name="aria-label"><xsl:value-of select="p:t('breadcrumb')"/></xsl:attribute>
      <ol>
        <li>
          <a>
            <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="/page/site/home/@href"/></xsl:call-template></xsl:attribute>
            <xsl:value-of select="p:t('home')"/>
          </a>
        </li>
        <xsl:apply-templates select="/page" mode="crumbs"/>
        <li><span aria-current="page"><xsl:value-of select="$title"/></span></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- ======================================================== parts -->
  <!-- A long list or report is split in parts (/page/parts, list_size
       and report_size in site.yaml): "page 2 of 34" for a heading, and
       the links to the others, the first, the last and the two either
       side of this one. -->
  <xsl:template name="part-label">
    <xsl:for-each select="/page/parts">
      <xsl:text> </xsl:text>
      <span class="h1-sub"><xsl:value-of select="p:fill('list-part', 'n', @current-label, 'count', @count-label)"/></span>
    </xsl:for-each>
  </xsl:template>

  <!-- Is this the first part of its list (or the list is whole)? -->
  <xsl:variable name="first-part" select="not(/page/parts) or /page/parts/@current = 1"/>
  <xsl:variable name="last-part" select="not(/page/parts) or /page/parts/@current = /page/parts/@count"/>

  <xsl:template name="parts-nav">
    <xsl:for-each select="/page/parts">
      <xsl:variable name="c" select="number(@current)"/>
      <xsl:variable name="n" select="number(@count)"/>
      <nav class="parts">
        <xsl:attribute name="aria-label"><xsl:value-of select="p:t('list-parts')"/></xsl:attribute>
        <ul>
          <xsl:for-each select="part[@number = $c - 1]">
            <li class="parts-prev"><a href="{@href}" rel="prev"><span aria-hidden="true">← </span><xsl:value-of select="p:t('list-prev')"/></a></li>
          </xsl:for-each>
          <xsl:for-each select="part[@number = 1 or @number = $n or (@number &gt;= $c - 2 and @number &lt;= $c + 2)]">
            <xsl:if test="@number = $n and $n &gt; $c + 3">
              <li class="parts-gap" aria-hidden="true">…</li>
            </xsl:if>
            <li>
              <a href="{@href}" aria-label="{p:fill('list-part-n', 'n', @number-label)}">
                <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                <xsl:value-of select="@number-label"/>
              </a>
            </li>
            <xsl:if test="@number = 1 and $c &gt; 4">
              <li class="parts-gap" aria-hidden="true">…</li>
            </xsl:if>
          </xsl:for-each>
          <xsl:for-each select="part[@number = $c + 1]">
            <li class="parts-next"><a href="{@href}" rel="next"><xsl:value-of select="p:t('list-next')"/><span aria-hidden="true"> →</span></a></li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:for-each>
  </xsl:template>

  <!-- A breadcrumb item linking to the context node's @href. -->
  <xsl:template name="crumb">
    <xsl:param name="text"/>
    <li><a href="{@href}"><xsl:value-of select="$text"/></a></li>
  </xsl:template>

  <xsl:template name="site-footer">
    <footer class="site-footer">
      <div class="wrap">
        <p class="footer-org"><xsl:value-of select="/page/site/organization"/></p>
        <xsl:if test="/page/site/description">
          <p class="footer-desc"><xsl:value-of select="/page/site/description"/></p>
        </xsl:if>
        <xsl:call-template name="contact-block"/>
        <xsl:for-each select="/page/site/main-site">
          <p class="footer-main-site"><a href="{@href}"><xsl:value-of select="."/></a></p>
        </xsl:for-each>
        <xsl:if test="/page/site/policies/item">
          <ul class="footer-policies inline-list">
            <xsl:for-each select="/page/site/policies/item">
              <li>
                <a>
                  <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="@href"/></xsl:call-template></xsl:attribute>
                  <xsl:value-of select="."/>
                </a>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:for-each select="/page/site/feeds/feed[not(@area)]">
          <p>
            <a>
              <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="@href"/></xsl:call-template></xsl:attribute>
              <xsl:value-of select="p:t('feed-site')"/>
            </a>
          </p>
        </xsl:for-each>
        <xsl:if test="/page/site/data/file">
          <p>
            <xsl:value-of select="p:t('open-data')"/>
            <xsl:call-template name="data-links"><xsl:with-param name="files" select="/page/site/data/file"/></xsl:call-template>
            <xsl:for-each select="/page/site/data[@href]">
              <xsl:text> · </xsl:text>
              <a>
                <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="@href"/></xsl:call-template></xsl:attribute>
                <xsl:value-of select="p:t('data-about')"/>
              </a>
            </xsl:for-each>
          </p>
        </xsl:if>
        <p class="footer-gen">
          <xsl:value-of select="p:fill('footer-generator', 'generator', /page/site/generator)"/>
        </p>
      </div>
    </footer>
  </xsl:template>

  <!-- site.yaml contact: address, phone, e-mail, office hours (footer, report). -->
  <xsl:template name="contact-block">
    <xsl:for-each select="/page/site/contact">
      <address class="contact">
        <xsl:for-each select="address">
          <span class="contact-address"><xsl:value-of select="."/></span>
        </xsl:for-each>
        <xsl:for-each select="phone">
          <span class="contact-phone">
            <xsl:value-of select="p:t('contact-phone')"/>
            <xsl:text> </xsl:text>
            <a href="{@href}"><xsl:value-of select="."/></a>
          </span>
        </xsl:for-each>
        <xsl:for-each select="email">
          <span class="contact-email">
            <xsl:value-of select="p:t('contact-email')"/>
            <xsl:text> </xsl:text>
            <a href="{@href}"><xsl:value-of select="."/></a>
          </span>
        </xsl:for-each>
        <xsl:for-each select="hours">
          <span class="contact-hours">
            <xsl:value-of select="p:t('contact-hours')"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="."/>
          </span>
        </xsl:for-each>
      </address>
    </xsl:for-each>
  </xsl:template>

  <!-- Links to open data files, named by their format (JSON, CSV, CSV in Thai). -->
  <xsl:template name="data-links">
    <xsl:param name="files"/>
    <xsl:for-each select="$files">
      <xsl:text> </xsl:text>
      <a class="data-link">
        <xsl:attribute name="href"><xsl:call-template name="url"><xsl:with-param name="h" select="@href"/></xsl:call-template></xsl:attribute>
        <xsl:choose>
          <xsl:when test="@format = 'csv-th'"><xsl:value-of select="p:t('data-csv-th')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="translate(@format, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/></xsl:otherwise>
        </xsl:choose>
      </a>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ words -->

  <!-- The UI word with this id; a missing word shows as [id]. -->
  <xsl:template name="t">
    <xsl:param name="id"/>
    <xsl:value-of select="p:t($id)"/>
  </xsl:template>

  <!-- The UI pattern with this id, {n} {year} {area} {org} {title} {generator} filled in. -->
  <xsl:template name="fill">
    <xsl:param name="id"/>
    <xsl:param name="n"/>
    <xsl:param name="year"/>
    <xsl:param name="area"/>
    <xsl:param name="org"/>
    <xsl:param name="title"/>
    <xsl:param name="generator"/>
    <xsl:value-of select="p:fill($id, 'n', $n, 'year', $year, 'area', $area,
                          'org', $org, 'title', $title, 'generator', $generator)"/>
  </xsl:template>

  <!-- An href as written, or for the 404 page, a site link from the site's path. -->
  <xsl:template name="url">
    <xsl:param name="h"/>
    <xsl:choose>
      <xsl:when test="$is404 and not(starts-with($h, '/')) and not(starts-with($h, '#'))
                      and not(contains(substring-before(concat($h, '/'), '/'), ':'))">
        <xsl:value-of select="concat($root, $h)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$h"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================= building blocks -->

  <!-- "ปีงบประมาณ ๒๕๖๖" for a year label. -->
  <xsl:template name="fiscal-year">
    <xsl:param name="label"/>
    <xsl:value-of select="p:fill('fiscal-year', 'year', $label)"/>
  </xsl:template>

  <!-- "๑๖ มาตรการ" -->
  <xsl:template name="n-measures">
    <xsl:param name="n"/>
    <xsl:value-of select="p:fill('n-measures', 'n', $n)"/>
  </xsl:template>

  <!-- A status as words in a badge (the word, not the colour, carries it). -->
  <xsl:template name="status-badge">
    <xsl:param name="code"/>
    <span class="badge badge-{$code}">
      <xsl:value-of select="p:t(concat('status-', $code))"/>
    </span>
  </xsl:template>

  <!-- A progress bar: the bar is decoration (aria-hidden), the per cent is text.
       value: 0-100 for the bar's width; label: the number in the site's digits. -->
  <xsl:template name="progress-bar">
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <span class="progress">
      <span class="progress-track" aria-hidden="true">
        <span class="progress-fill" style="width:{number($value)}%"></span>
      </span>
      <span class="progress-text">
        <xsl:value-of select="p:fill('percent', 'n', $label)"/>
      </span>
    </span>
  </xsl:template>

  <!-- A <stats> element: count and mean progress (unless totals is false)
       and (optionally) the status counts. -->
  <xsl:template name="stats">
    <xsl:param name="st" select="stats"/>
    <xsl:param name="statuses" select="true()"/>
    <xsl:param name="totals" select="true()"/>
    <xsl:if test="$totals">
    <dl class="stats">
      <div class="stat">
        <dt><xsl:value-of select="p:t('measure-count')"/></dt>
        <dd class="stat-big"><xsl:value-of select="$st/@count-label"/></dd>
      </div>
      <div class="stat stat-wide">
        <dt><xsl:value-of select="p:t('mean-progress')"/></dt>
        <dd>
          <xsl:call-template name="progress-bar">
            <xsl:with-param name="value" select="$st/@mean"/>
            <xsl:with-param name="label" select="$st/@mean-label"/>
          </xsl:call-template>
        </dd>
      </div>
    </dl>
    </xsl:if>
    <xsl:if test="$statuses">
      <!-- The statuses as one stacked bar, a segment per status as wide
           as its share; decoration only: the list after it says the same
           numbers in words, each linking to its measures when it can. -->
      <xsl:if test="$st/@count &gt; 0">
        <span class="status-bar" aria-hidden="true">
          <xsl:for-each select="$st/status[@count &gt; 0]">
            <span class="status-seg seg-{@code}" style="width:{format-number(@count * 100 div $st/@count, '0.##')}%"></span>
          </xsl:for-each>
        </span>
      </xsl:if>
      <ul class="status-counts">
        <xsl:for-each select="$st/status">
          <li class="status-count">
            <xsl:if test="@count = 0"><xsl:attribute name="class">status-count zero</xsl:attribute></xsl:if>
            <xsl:choose>
              <xsl:when test="@href">
                <a class="status-link" href="{@href}">
                  <xsl:call-template name="status-badge"><xsl:with-param name="code" select="@code"/></xsl:call-template>
                  <xsl:text> </xsl:text>
                  <span class="status-num"><xsl:value-of select="@count-label"/></span>
                </a>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="status-badge"><xsl:with-param name="code" select="@code"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <span class="status-num"><xsl:value-of select="@count-label"/></span>
              </xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- The heading of an <indicator> group: "ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน". -->
  <xsl:template name="indicator-name">
    <xsl:choose>
      <xsl:when test="@number">
        <xsl:value-of select="p:fill('indicator-n', 'n', @number-label)"/>
        <xsl:if test="normalize-space(text()) != ''">
          <xsl:text> </xsl:text>
          <xsl:value-of select="normalize-space(text())"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="p:t('indicator-other')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An <indicator> group with its measures as cards; level: its heading level. -->
  <xsl:template name="indicator-group">
    <xsl:param name="level" select="3"/>
    <section class="indicator">
      <xsl:element name="h{$level}">
        <xsl:attribute name="class">indicator-title</xsl:attribute>
        <xsl:call-template name="indicator-name"/>
      </xsl:element>
      <p class="indicator-meta">
        <xsl:call-template name="n-measures"><xsl:with-param name="n" select="@count-label"/></xsl:call-template>
        <xsl:text> · </xsl:text>
        <xsl:value-of select="p:t('mean-progress')"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="p:fill('percent', 'n', @mean-label)"/>
      </p>
      <xsl:if test="@score">
        <p class="indicator-score" data-score="{@score}">
          <xsl:value-of select="p:fill('indicator-score', 'year', @score-year-label, 'n', @score-label)"/>
        </p>
      </xsl:if>
      <ul class="cards">
        <xsl:for-each select="measure">
          <xsl:call-template name="measure-card"><xsl:with-param name="level" select="$level + 1"/></xsl:call-template>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- One measure in a list: title link, summary, owners, period, status, progress. -->
  <xsl:template name="measure-card">
    <xsl:param name="level" select="3"/>
    <xsl:param name="show-year" select="false()"/>
    <li class="card measure-card status-{status/@code}">
      <xsl:element name="h{$level}">
        <xsl:attribute name="class">card-title</xsl:attribute>
        <a href="{@href}"><xsl:value-of select="title"/></a>
      </xsl:element>
      <xsl:if test="summary">
        <p class="card-summary"><xsl:value-of select="summary"/></p>
      </xsl:if>
      <dl class="facts">
        <xsl:if test="$show-year">
          <div>
            <dt><xsl:value-of select="p:t('fiscal-year-label')"/></dt>
            <dd><xsl:value-of select="year"/></dd>
          </div>
        </xsl:if>
        <div>
          <dt><xsl:value-of select="p:t('owners')"/></dt>
          <dd>
            <ul class="inline-list">
              <xsl:for-each select="owners/owner"><li><xsl:value-of select="."/></li></xsl:for-each>
            </ul>
          </dd>
        </div>
        <div>
          <dt><xsl:value-of select="p:t('period')"/></dt>
          <dd><xsl:value-of select="period"/></dd>
        </div>
        <div>
          <dt><xsl:value-of select="p:t('status')"/></dt>
          <dd><xsl:call-template name="status-badge"><xsl:with-param name="code" select="status/@code"/></xsl:call-template></dd>
        </div>
        <div>
          <dt><xsl:value-of select="p:t('progress')"/></dt>
          <dd>
            <xsl:call-template name="progress-bar">
              <xsl:with-param name="value" select="progress/@value"/>
              <xsl:with-param name="label" select="progress"/>
            </xsl:call-template>
          </dd>
        </div>
      </dl>
    </li>
  </xsl:template>

  <!-- A link to a year's report (context: year/report), with its period. -->
  <xsl:template name="report-link">
    <a href="{@href}">
      <xsl:choose>
        <xsl:when test="normalize-space(text()) != ''"><xsl:value-of select="normalize-space(text())"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="p:t('report')"/></xsl:otherwise>
      </xsl:choose>
    </a>
    <xsl:if test="period">
      <xsl:text> </xsl:text>
      <span class="meta">(<xsl:value-of select="period"/>)</span>
    </xsl:if>
  </xsl:template>

  <!-- A lower-case id for an area code: IIT -> iit. -->
  <xsl:template name="area-id">
    <xsl:param name="code" select="@code"/>
    <xsl:value-of select="concat('area-', translate($code, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))"/>
  </xsl:template>

  <!-- A table too wide for a phone scrolls inside its own focusable region. -->
  <xsl:template name="table-region-attrs">
    <xsl:param name="label"/>
    <xsl:attribute name="class">table-wrap</xsl:attribute>
    <xsl:attribute name="role">region</xsl:attribute>
    <xsl:attribute name="tabindex">0</xsl:attribute>
    <xsl:attribute name="aria-label"><xsl:value-of select="normalize-space($label)"/></xsl:attribute>
  </xsl:template>

  <!-- Copy Markdown HTML, wrapping each of its tables in a scrolling region. -->
  <xsl:template match="*" mode="html">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="html"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="text()|comment()" mode="html">
    <xsl:copy-of select="."/>
  </xsl:template>
  <!-- A task list item's (disabled) checkbox is labelled by the item's
       text: its inline content goes in a <label>, nested blocks after it.
       A name, then one predicate: libxslt files such a template under
       the element's name, so the predicate is tried only on li and p,
       not on every element (as "*[...]" was); and not two predicates:
       for a pattern with cascading predicates libxslt lists every match
       in the whole document and searches that list for each element,
       which grew with the square of a report's measures (33,000 of them
       took 27 s more). -->
  <xsl:template match="li[input[@type = 'checkbox']] | p[input[@type = 'checkbox']]" mode="html">
    <xsl:variable name="block" select="ul|ol|p|div|table|blockquote|pre|h1|h2|h3|h4|h5|h6|hr"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <label class="task">
        <xsl:apply-templates select="node()[count(. | $block) != count($block)]" mode="html"/>
      </label>
      <xsl:apply-templates select="$block" mode="html"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="table" mode="html">
    <div>
      <xsl:call-template name="table-region-attrs">
        <xsl:with-param name="label">
          <xsl:value-of select="p:t('table')"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="normalize-space(concat(caption, ' ', preceding-sibling::*[self::h2 or self::h3 or self::h4][1]))"/>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:copy-of select="."/>
    </div>
  </xsl:template>
</xsl:stylesheet>
