# Prongsai: build, test, install.  GNU make.
.SUFFIXES:

VERSION   = 0.1
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man
DATADIR   = $(PREFIX)/share/prongsai

CC       ?= cc
PKGS      = libcmark-gfm yaml-0.1 libxml-2.0 libxslt libexslt libthai jansson \
            libxxhash libzip libmicrohttpd liblz4
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
WARN      = -std=c11 -Wall -Wextra -Werror -pedantic
DEFS      = -D_GNU_SOURCE -DVERSION='"$(VERSION)"'
CFLAGS   ?= -O2 -g
ALLCFLAGS = $(WARN) $(DEFS) $(CFLAGS) $(PKG_CFLAGS)
LDLIBS    = $(PKG_LIBS) -lunistring -lpthread -lm
# jemalloc for the program people run: libxml2 and libxslt allocate and
# free a node per element, attribute and text of every page, where glibc's
# malloc costs a third of the build's CPU time (see README, Performance).
# The sanitizer builds keep their own allocators.
MALLOC_LIBS = $(shell pkg-config --libs jemalloc)

SRCS      = $(wildcard src/*.c)
LIBSRCS   = $(filter-out src/main.c,$(SRCS))
HDRS      = src/prongsai.h src/extern.h
TESTS     = $(patsubst tests/%.c,%,$(wildcard tests/test_*.c))

# Debian packages building needs (`make deps-build`, for `make site`) and
# those only the tests need (`make deps-test`, for `make check`); `make
# deps` installs the missing ones of both.
DEB_BUILD = build-essential pkg-config libcmark-gfm-dev \
            libcmark-gfm-extensions-dev libyaml-dev libxml2-dev \
            libxslt1-dev libthai-dev libjansson-dev \
            libjemalloc-dev libunistring-dev libxxhash-dev gettext libzip-dev \
            liblz4-dev \
            libmicrohttpd-dev weasyprint fonts-noto-core fonts-thai-tlwg
DEB_TEST  = libcmocka-dev libxml2-utils \
            python3 python3-feedparser python3-yaml chromium \
            python3-docx python3-openpyxl zip \
            fonts-thai-tlwg poppler-utils linkchecker nginx apache2 rsync wrk cmark-gfm \
            clang libfuzzer-14-dev libclang-rt-14-dev mandoc groff-base
# Test commands as command:Debian-package, checked by command: NodeSource's
# nodejs bundles npm and conflicts with Debian's npm package.
DEB_CMDS  = java:default-jre-headless node:nodejs npm:npm
VNU_JAR   = node_modules/vnu-jar/build/dist/vnu.jar

all: prongsai

# Messages: po/th.po and the fragments po/th-TOPIC.po that branches add
# (th.po wins where both translate a message), compiled where lang.c
# finds them from the source tree: locale/LANG/LC_MESSAGES/prongsai.mo.
# msgfmt --check refuses a translation whose %s and %d differ from the
# English, which would crash printf.
LINGUAS   = th en
MOS       = $(LINGUAS:%=locale/%/LC_MESSAGES/prongsai.mo)
TH_PO     = po/th.po $(filter-out po/th.po,$(wildcard po/th-*.po))

locale/th/LC_MESSAGES/prongsai.mo: $(TH_PO) build/po.stamp
	@mkdir -p $(@D)
	msgcat --use-first $(TH_PO) | msgfmt --check -o $@ -

# Holds the list of fragments, rewritten when it changes: a fragment
# removed (merged into th.po) rebuilds the catalog too.
build/po.stamp: FORCE | build/.dirs
	@printf '%s\n' '$(TH_PO)' | cmp -s - $@ || printf '%s\n' '$(TH_PO)' >$@

locale/en/LC_MESSAGES/prongsai.mo: po/en.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ po/en.po

mo: $(MOS)

# make po: extract every _() and N_() message again into build/prongsai.pot,
# merge it into po/th.po (new messages untranslated) and write po/en.po.
XGETTEXT  = xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
            --package-name=prongsai --package-version=$(VERSION) \
            --sort-by-file --add-location=file
po: | build/.dirs
	$(XGETTEXT) -o build/prongsai.pot $(SRCS)
	msgmerge --quiet --update --backup=none --no-fuzzy-matching \
	    po/th.po build/prongsai.pot
	msginit --no-translator --locale=en --input=build/prongsai.pot \
	    --output-file=po/en.po

# The catalogs are prerequisites so that `make prongsai` refreshes them.
prongsai: $(SRCS:src/%.c=build/%.o) $(MOS)
	$(CC) $(CFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS) $(MALLOC_LIBS)

build/%.o: src/%.c $(HDRS) | build/.dirs
	$(CC) $(ALLCFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c $(HDRS) | build/.dirs
	$(CC) $(ALLCFLAGS) $(SAN) -c -o $@ $<

build/tsan/%.o: src/%.c $(HDRS) | build/.dirs
	$(CC) $(ALLCFLAGS) $(TSAN) -c -o $@ $<

# Only util.c knows DATADIR, and its objects are rebuilt when PREFIX
# changes: build/prefix.stamp holds the DATADIR they were built with and
# is rewritten only when that differs, so `make install PREFIX=/opt/p`
# after a plain `make` installs a binary that looks in /opt/p.
UTIL_OBJS = build/util.o build/asan/util.o build/tsan/util.o build/fuzz/util.o
$(UTIL_OBJS): DEFS += -DDATADIR='"$(DATADIR)"'
$(UTIL_OBJS): build/prefix.stamp

build/prefix.stamp: FORCE | build/.dirs
	@printf '%s\n' '$(DATADIR)' | cmp -s - $@ || \
	    printf '%s\n' '$(DATADIR)' >$@

build/.dirs:
	mkdir -p build/asan build/tsan build/tests
	touch $@

SAN = -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
      -fno-sanitize-recover=all
TSAN = -O1 -g -fsanitize=thread

# Unit tests: each tests/test_NAME.c links against every stage but main.
build/tests/%: tests/%.c $(LIBSRCS:src/%.c=build/%.o) $(HDRS)
	$(CC) $(ALLCFLAGS) -Isrc -o $@ $< $(LIBSRCS:src/%.c=build/%.o) \
	    $(LDLIBS) -lcmocka

build/tests/%-asan: tests/%.c $(LIBSRCS:src/%.c=build/asan/%.o) $(HDRS)
	$(CC) $(ALLCFLAGS) $(SAN) -Isrc -o $@ $< \
	    $(LIBSRCS:src/%.c=build/asan/%.o) $(LDLIBS) -lcmocka

prongsai-asan: $(SRCS:src/%.c=build/asan/%.o) $(MOS)
	$(CC) $(SAN) -o $@ $(filter %.o,$^) $(LDLIBS)

# The same program under ThreadSanitizer, for the -j tests.
prongsai-tsan: $(SRCS:src/%.c=build/tsan/%.o)
	$(CC) $(TSAN) -o $@ $^ $(LDLIBS)

unit: $(TESTS:%=build/tests/%) $(TESTS:%=build/tests/%-asan)

# libFuzzer harnesses, tests/fuzz/fuzz_NAME.c.  clang, not $(CC): gcc has
# no libFuzzer, and its objects stay out of build/fuzz/.  The sanitizer
# runtimes come from libclang-rt-14-dev, which `make deps` installs
# because it skips clang's recommends.
FUZZ      = frontmatter period check import
FUZZ_TIME ?= 60
FUZZ_CC   = clang
FUZZ_SAN  = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
            -fno-sanitize-recover=all
FUZZ_OBJS = $(LIBSRCS:src/%.c=build/fuzz/%.o)

build/fuzz/%.o: src/%.c $(HDRS)
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(ALLCFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<

# The site harness finds the bad-case site and the frameworks here.
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS) $(HDRS)
	$(FUZZ_CC) $(ALLCFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -Isrc \
	    -DFUZZ_TOP='"$(CURDIR)"' -o $@ $< $(FUZZ_OBJS) $(LDLIBS)

fuzz-build: $(FUZZ:%=build/fuzz/fuzz_%)

# Kept between builds: make would delete them as intermediates.
.SECONDARY: $(FUZZ_OBJS)

# Each harness for FUZZ_TIME seconds from seeds made afresh and what
# earlier runs found; see tests/fuzz/run.sh for where crashes are kept.
fuzz: fuzz-build
	@FUZZ_TIME=$(FUZZ_TIME) sh tests/fuzz/run.sh $(FUZZ)

# Install the Debian packages of $(1) that are missing, and those that
# provide the commands command:package of $(2) (root only, no questions).
define deb_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
	    grep -q "ok installed" || missing="$$missing $$p"; done; \
	for c in $(2); do \
	  command -v $${c%%:*} >/dev/null 2>&1 || missing="$$missing $${c#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "make deps: missing Debian packages:$$missing"; \
	    echo "make deps: run 'make deps' as root, or: sudo apt-get install$$missing"; \
	    exit 1; fi; \
	  echo "make deps: installing$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq </dev/null >/dev/null && \
	  apt-get install -y -qq --no-install-recommends $$missing </dev/null >/dev/null || exit 1; \
	fi
endef

deps: deps-build deps-test

deps-build:
	$(call deb_install,$(DEB_BUILD),)

deps-test:
	$(call deb_install,$(DEB_TEST),$(DEB_CMDS))
	@if [ ! -f $(VNU_JAR) ] || [ ! -d node_modules/playwright-core ] || \
	  [ ! -d node_modules/axe-core ]; then echo "make deps: npm ci"; \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error </dev/null || exit 1; fi

site: deps-build
	$(MAKE) prongsai
	./prongsai build

check: deps
	$(MAKE) prongsai prongsai-asan prongsai-tsan unit
	sh tests/run.sh

# Benchmark against Hugo and the cmark-gfm and cp floors (not part of check).
# make bench BIG=1 adds 100,000 measures.
DEB_BENCH = hugo cmark-gfm time
bench: prongsai
	@missing=""; for p in $(DEB_BENCH); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
	    grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ]; then \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing </dev/null >/dev/null; fi
	bash bench/run.sh $(if $(BIG),--big)

install: prongsai $(MOS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)
	cp prongsai $(DESTDIR)$(BINDIR)/prongsai
	cp man/prongsai.1 $(DESTDIR)$(MANDIR)/man1/prongsai.1
	cp man/prongsai.5 $(DESTDIR)$(MANDIR)/man5/prongsai.5
	cp -R themes framework $(DESTDIR)$(DATADIR)/
	for l in $(LINGUAS); do \
	  mkdir -p $(DESTDIR)$(DATADIR)/locale/$$l/LC_MESSAGES && \
	  cp locale/$$l/LC_MESSAGES/prongsai.mo \
	    $(DESTDIR)$(DATADIR)/locale/$$l/LC_MESSAGES/ || exit 1; done

clean:
	rm -rf build prongsai prongsai-asan prongsai-tsan tests/out locale

.PHONY: all deps deps-build deps-test site check unit fuzz fuzz-build bench install clean mo po FORCE
