<?xml version="1.0" encoding="UTF-8"?>
<!--
  search.xsl: the search page (search/).  The form, the filters and the
  empty result list; static/search.js reads the index Prongsai wrote
  beside this page (search/index.json and the shards) and fills the list.
  The words search.js shows come from /page/strings, as data-t-* attributes
  of the search element.  Without JavaScript the page says so and links
  every fiscal year's page.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="p:t('search-title')"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <div class="search" id="search" data-root="{@root}" data-digits="{@digits}"
         data-index="{substring-before(concat(site/search/@href, '#'), 'index.html')}">
      <xsl:for-each select="strings/s[starts-with(@id, 'search-') or @id = 'fiscal-year' or @id = 'percent']">
        <xsl:attribute name="data-t-{@id}"><xsl:value-of select="."/></xsl:attribute>
      </xsl:for-each>
      <h1><xsl:value-of select="p:t('search-title')"/></h1>
      <form class="search-form" role="search" method="get" action="index.html" id="search-form">
        <label for="search-q" class="search-q-label">
          <xsl:value-of select="p:t('search-label')"/>
        </label>
        <p class="meta" id="search-help">
          <xsl:value-of select="p:t('search-help')"/>
        </p>
        <div class="search-row">
          <input type="search" id="search-q" name="q" autocomplete="off" spellcheck="false"
                 aria-describedby="search-help" enterkeyhint="search"/>
          <button type="submit" class="button">
            <xsl:value-of select="p:t('search-button')"/>
          </button>
        </div>
        <fieldset class="search-filters">
          <legend><xsl:value-of select="p:t('search-filters')"/></legend>
          <div>
            <label for="search-year"><xsl:value-of select="p:t('search-year')"/></label>
            <select id="search-year" name="year">
              <option value=""><xsl:value-of select="p:t('search-any')"/></option>
              <xsl:for-each select="site/years/year">
                <option value="{@value}"><xsl:value-of select="@value-label"/></option>
              </xsl:for-each>
            </select>
          </div>
          <div>
            <label for="search-area"><xsl:value-of select="p:t('search-area')"/></label>
            <select id="search-area" name="area">
              <option value=""><xsl:value-of select="p:t('search-any')"/></option>
              <xsl:for-each select="site/areas/area">
                <!-- value: the bit search/m/ files give each area (1 << its number). -->
                <option value="{position() - 1}"><xsl:value-of select="@name"/></option>
              </xsl:for-each>
            </select>
          </div>
          <div>
            <label for="search-status"><xsl:value-of select="p:t('search-status')"/></label>
            <select id="search-status" name="status">
              <option value=""><xsl:value-of select="p:t('search-any')"/></option>
              <!-- value: the status's number in search/m/ files, in the model's order. -->
              <option value="0" data-code="planned"><xsl:value-of select="p:t('status-planned')"/></option>
              <option value="1" data-code="in-progress"><xsl:value-of select="p:t('status-in-progress')"/></option>
              <option value="2" data-code="done"><xsl:value-of select="p:t('status-done')"/></option>
              <option value="3" data-code="cancelled"><xsl:value-of select="p:t('status-cancelled')"/></option>
            </select>
          </div>
        </fieldset>
      </form>
      <noscript>
        <div class="notice search-noscript">
          <p><xsl:value-of select="p:t('search-noscript')"/></p>
          <ul>
            <xsl:for-each select="site/years/year">
              <li>
                <a href="{@href}">
                  <xsl:call-template name="fiscal-year"><xsl:with-param name="label" select="@value-label"/></xsl:call-template>
                </a>
              </li>
            </xsl:for-each>
          </ul>
        </div>
      </noscript>
      <p id="search-state" class="search-state" role="status" aria-live="polite" aria-atomic="true"></p>
      <ol id="search-results" class="cards search-results"></ol>
      <p class="search-more-row"><button type="button" id="search-more" class="button" hidden="">
        <xsl:value-of select="p:t('search-more')"/>
      </button></p>
      <script src="{@root}static/search.js"></script>
    </div>
  </xsl:template>
</xsl:stylesheet>
