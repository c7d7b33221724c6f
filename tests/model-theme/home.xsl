<?xml version="1.0" encoding="UTF-8"?>
<!-- A theme that writes each page model as it is: lets tests validate models against page.rng.  It names /page/strings (its key), so every model carries the words. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:key name="s" match="/page/strings/s" use="@id"/>
  <xsl:template match="/"><xsl:copy-of select="/"/></xsl:template>
</xsl:stylesheet>
