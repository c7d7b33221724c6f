/* scaffold.c: prongsai init (a new site that builds at once: site.yaml explained in Thai, folders, a report, an example measure) and prongsai new (one measure file with every field). */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extern.h"

/* The fiscal year (BE) today falls in. */
static int
this_year(void)
{
	time_t		 now = time(NULL);
	struct tm	 tm;
	struct date	 d;

	localtime_r(&now, &tm);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return date_fiscal_year(&d);
}

/* Is dir missing or empty?  1 yes, 0 no, -1 if it cannot be read. */
static int
dir_empty(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	int		 empty = 1;

	if ((d = opendir(dir)) == NULL)
		return errno == ENOENT ? 1 : -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..")
		    != 0)
			empty = 0;
	closedir(d);
	return empty;
}

/* Write text as root/rel, never over a file; 0 on failure with errno set. */
static int
write_new(const char *root, const char *rel, const char *text)
{
	char	*path = path_join(root, rel);
	FILE	*f;
	int	 ok;

	if ((f = fopen(path, "wx")) == NULL) {
		free(path);
		return 0;
	}
	ok = fputs(text, f) >= 0;
	ok &= fclose(f) == 0;
	if (!ok)
		unlink(path);
	free(path);
	return ok;
}

/*
 * site.yaml with every setting config.c reads, each explained in Thai
 * for the clerk who edits it.
 */
static char *
site_yaml(const char *org, const char *url, int year)
{
	struct buf	 b = { NULL, 0, 0 };
	char		*s;

	buf_add(&b, "# การตั้งค่าของเว็บไซต์ (ไฟล์ YAML: ชื่อค่า: ค่า "
	    "บรรทัดที่ขึ้นต้นด้วย # เป็นคำอธิบาย)\n\n");
	buf_add(&b, "# ชื่อเว็บไซต์ แสดงบนทุกหน้า\ntitle: ");
	s = xasprintf("ศูนย์ข้อมูลความโปร่งใส %s", org);
	escape_yaml(&b, s);
	free(s);
	buf_add(&b, "\n\n# ชื่อหน่วยงาน\norganization: ");
	escape_yaml(&b, org);
	buf_add(&b, "\n\n# ที่อยู่เว็บไซต์เต็มเมื่อเผยแพร่ (ลงท้ายด้วย /) "
	    "เช่น https://www.example.go.th/ita/\nbase_url: ");
	escape_yaml(&b, url);
	buf_add(&b, "\n\n# ภาษาของเว็บไซต์: th (ไทย) หรือ en (อังกฤษ)\n"
	    "language: th\n\n"
	    "# ตัวเลข: thai (เลขไทย ๑๒๓) หรือ arabic (123)\n"
	    "digits: thai\n\n"
	    "# ศักราชของปีในเว็บไซต์ภาษาอังกฤษ: be (พ.ศ.) หรือ ce (ค.ศ.) "
	    "เว็บไซต์ภาษาไทยใช้ พ.ศ. เสมอ\nera: be\n\n"
	    "# คำอธิบายเว็บไซต์ สำหรับเครื่องมือค้นหาและการแชร์\n"
	    "description: ");
	s = xasprintf("มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ%s "
	    "และผลการดำเนินงานตามการประเมิน ITA", org);
	escape_yaml(&b, s);
	free(s);
	s = xasprintf("\n\n# ปีงบประมาณที่แสดงในหน้าแรก (พ.ศ.) "
	    "ถ้าไม่ใส่จะใช้ปีล่าสุดที่มีมาตรการ\ncurrent_year: %d\n\n", year);
	buf_add(&b, s);
	free(s);
	buf_add(&b, "# จำนวนรายการล่าสุดในฟีด RSS\nfeed_limit: 50\n\n"
	    "# จำนวนมาตรการสูงสุดต่อหน้าของรายการ (ปี ด้าน สถานะ "
	    "ผู้รับผิดชอบ) ที่ยาวกว่านี้แบ่งเป็นหลายหน้า 0 = ไม่แบ่ง\n"
	    "list_size: 100\n\n"
	    "# จำนวนมาตรการสูงสุดต่อส่วนของรายงานฉบับทางการ 0 = ไม่แบ่ง\n"
	    "report_size: 500\n\n"
	    "# รูปแบบหน้าตาเว็บไซต์ (โฟลเดอร์ใน themes/)\ntheme: default\n\n"
	    "# true = ยอม HTML ที่เขียนในเนื้อหา (ไม่แนะนำ) false = "
	    "ตัด HTML ออกเพื่อความปลอดภัย\nunsafe_html: false\n\n"
	    "# เมนูของเว็บไซต์: ชื่อและที่อยู่ของแต่ละรายการ หน้าใน "
	    "content/pages/ ที่ไม่อยู่ในเมนูจะต่อท้ายให้เอง\n"
	    "menu:\n  - title: หน้าแรก\n    url: /\n\n");
	/* Optional, so shown as examples to take the # off. */
	buf_add(&b, "# ตราสัญลักษณ์ของหน่วยงานที่หัวทุกหน้า: ไฟล์ SVG หรือ PNG "
	    "ใน content/files/ และคำอธิบายภาพสำหรับผู้ใช้โปรแกรมอ่านหน้าจอ\n"
	    "# logo:\n#   file: files/logo.svg\n#   alt: ตราสัญลักษณ์\n\n"
	    "# เว็บไซต์หลักของหน่วยงาน ลิงก์ที่หัวและท้ายทุกหน้า\n"
	    "# main_site:\n#   title: เว็บไซต์หลัก\n"
	    "#   url: https://www.example.go.th/\n\n"
	    "# ที่ติดต่อ แสดงท้ายทุกหน้าและท้ายรายงาน (ใส่เฉพาะที่มี)\n"
	    "# contact:\n#   address: ที่อยู่สำนักงาน\n"
	    "#   phone: 0 0000 0000\n#   email: saraban@example.go.th\n"
	    "#   hours: วันจันทร์ถึงวันศุกร์ 08.30–16.30 น.\n\n"
	    "# สีหลักของเว็บไซต์ แบบ \"#RRGGBB\" ต้องเข้มพอให้อ่านตัวอักษร"
	    "สีขาวได้ (ตรวจให้เอง)\n# colors:\n#   primary: \"#0b4f94\"\n\n"
	    "# ลิงก์นโยบายท้ายทุกหน้า เช่น นโยบายคุ้มครองข้อมูลส่วนบุคคล\n"
	    "# policies:\n#   - title: นโยบายคุ้มครองข้อมูลส่วนบุคคล\n"
	    "#     url: /privacy/\n\n"
	    "# ชื่อเฉพาะที่ไม่ให้ตัดขึ้นบรรทัดใหม่กลางคำ เช่น ชื่อตำบล "
	    "ชื่อโครงการ (คำไทยคำเดียว ไม่มีช่องว่าง)\n"
	    "# words:\n#   - ทุ่งลูกนก\n");
	return b.s;
}

static char *
report_md(int year)
{
	char	*th = xasprintf("%d", year), *y = digits_thai(th), *s;

	s = xasprintf("---\n"
	    "# ปีงบประมาณของรายงาน (พ.ศ.) ต้องตรงกับชื่อไฟล์\n"
	    "fiscal_year: %d\n"
	    "# ชื่อรายงาน\n"
	    "title: \"รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและ"
	    "ความโปร่งใส ประจำปีงบประมาณ พ.ศ. %s\"\n"
	    "# ช่วงเวลาที่รายงาน (ค.ศ. ปปปป-ดด) หรือเขียนแบบ "
	    "\"ต.ค. - มี.ค. %s\"\n"
	    "period: {start: %d-10, end: %d-09}\n"
	    "---\n\n"
	    "บทนำของรายงาน: เขียนที่มาของมาตรการและช่วงเวลาที่รายงานผล "
	    "ข้อความนี้จะแสดงเหนือตารางมาตรการในรายงานประจำปี\n", year, y, y,
	    year_ce(year) - 1, year_ce(year));
	free(th);
	free(y);
	return s;
}

/* A measure of fiscal year year with every field, as `new` and `init` write it. */
static char *
measure_md(const char *title, int year, unsigned areas, const char *owner)
{
	struct measure	 m;
	struct buf	 b = { NULL, 0, 0 };
	char		*owners[1];

	memset(&m, 0, sizeof(m));
	m.title = (char *)title;
	m.fiscal_year = year;
	m.areas = areas;
	owners[0] = (char *)owner;
	m.owners = owners;
	m.ownersz = 1;
	m.period.whole_year = 1;
	m.status = STATUS_PLANNED;
	m.progress = 0;
	mwrite_front(&b, &m, 1);
	buf_add(&b, "\n## ");
	buf_add(&b, markdown_heading(COL_METHODS));
	buf_add(&b, "\n\n1. ขั้นตอนแรกของการดำเนินการ\n"
	    "2. ขั้นตอนถัดไป\n\n## ");
	buf_add(&b, markdown_heading(COL_RESULT));
	buf_add(&b, "\n\nยังไม่ได้ดำเนินการ\n");
	return b.s;
}

/*
 * prongsai init: a new site in dir (missing or empty), for org, at url,
 * for fiscal year year (0: this one).  Prints what it made; returns an
 * exit code.
 */
int
scaffold_init(const char *dir, const char *org, const char *url, int year)
{
	static const char *const dirs[] = {
		"content/measures", "content/reports", "content/pages",
		"content/files", NULL
	};
	char		*yaml = NULL, *rep = NULL, *mea = NULL, *ydir, *rpath,
			*mpath;
	struct config	 cfg;
	size_t		 i;
	int		 e, rc = EXIT_FINE, ok = 1;

	if (year == 0)
		year = this_year();
	if ((e = dir_empty(dir)) != 1) {
		fprintf(stderr, e == 0 ? _("%s: the folder is not empty: "
		    "prongsai init makes a new site in an empty or new "
		    "folder\n") : _("%s: cannot read the folder: %s\n"), dir,
		    strerror(errno));
		return e == 0 ? EXIT_USAGE : EXIT_SYSTEM;
	}
	if (org == NULL)
		org = "หน่วยงานของท่าน";
	if (url == NULL)
		url = "https://www.example.go.th/ita/";
	config_init(&cfg);
	if (!config_set_base_url(&cfg, url)) {
		fprintf(stderr, _("prongsai: --base-url must be the site's "
		    "full address, such as https://www.example.go.th/ita/\n"));
		config_free(&cfg);
		return EXIT_USAGE;
	}
	config_free(&cfg);
	ydir = xasprintf("content/measures/%d", year);
	rpath = xasprintf("content/reports/%d.md", year);
	mpath = xasprintf("%s/example.md", ydir);
	yaml = site_yaml(org, url, year);
	rep = report_md(year);
	mea = measure_md("ตัวอย่างมาตรการ: เผยแพร่ข้อมูลข่าวสารของหน่วยงาน",
	    year, 1u << AREA_OIT, "เจ้าพนักงานธุรการ");
	ok = path_mkdirs(dir, ".");
	for (i = 0; ok && dirs[i] != NULL; i++)
		ok = path_mkdirs(dir, dirs[i]);
	ok = ok && path_mkdirs(dir, ydir) &&
	    write_new(dir, "content/site.yaml", yaml) &&
	    write_new(dir, rpath, rep) && write_new(dir, mpath, mea);
	if (!ok) {
		fprintf(stderr, _("%s: cannot make the site: %s\n"), dir,
		    strerror(errno));
		rc = EXIT_SYSTEM;
	} else
		printf(_("made a new site in %s:\n"
		    "  %s/content/site.yaml   the site's settings\n"
		    "  %s/%s   the report of fiscal year %d\n"
		    "  %s/%s   an example measure\n"
		    "next: cd %s && prongsai check && prongsai build\n"),
		    dir, dir, dir, rpath, year, dir, mpath, dir);
	free(yaml);
	free(rep);
	free(mea);
	free(ydir);
	free(rpath);
	free(mpath);
	return rc;
}

/*
 * prongsai new: a measure titled title in fiscal year year (0: the
 * site's current_year, else this one) of the site at source, in areas
 * (0: OIT), named slug or the next free m-NNN.  Returns an exit code.
 */
int
scaffold_new(const char *source, const char *title, int year,
    unsigned areas, const char *slug)
{
	struct site	 s;
	struct diags	 d = { 0 };
	struct stat	 st;
	char		*text = NULL, *rel = NULL, *ydir = NULL, *full;
	int		 n, rc = EXIT_FINE;

	if (site_load(&s, source, 1, 1, NULL, &d) == EXIT_SYSTEM) {
		diag_print(&d, stderr);
		rc = EXIT_SYSTEM;
		goto out;
	}
	if (text_blank(title)) {
		fprintf(stderr, _("prongsai new: give the measure's title, "
		    "e.g. prongsai new \"%s\"\n"), "มาตรการเผยแพร่ข้อมูล");
		rc = EXIT_USAGE;
		goto out;
	}
	if (slug != NULL && !slug_valid(slug)) {
		fprintf(stderr, _("prongsai new: --slug '%s' is not valid: "
		    "use only lowercase a-z, 0-9 and '-'\n"), slug);
		rc = EXIT_USAGE;
		goto out;
	}
	if (year == 0)
		year = s.cfg.current_year != 0 ? s.cfg.current_year :
		    this_year();
	ydir = xasprintf("content/measures/%d", year);
	if (slug != NULL) {
		rel = xasprintf("%s/%s.md", ydir, slug);
		full = path_join(source, rel);
		n = lstat(full, &st) == 0;
		free(full);
		if (n) {
			fprintf(stderr, _("%s: already exists: choose "
			    "another --slug\n"), rel);
			rc = EXIT_USAGE;
			goto out;
		}
	} else
		for (n = 1; ; n++) {
			free(rel);
			rel = xasprintf("%s/m-%03d.md", ydir, n);
			full = path_join(source, rel);
			if (lstat(full, &st) == -1) {
				free(full);
				break;
			}
			free(full);
		}
	text = measure_md(title, year, areas ? areas : 1u << AREA_OIT,
	    "ผู้รับผิดชอบ");
	if (!path_mkdirs(source, ydir) || !write_new(source, rel, text)) {
		fprintf(stderr, _("%s: cannot write: %s\n"), rel,
		    strerror(errno));
		rc = EXIT_SYSTEM;
		goto out;
	}
	printf(_("wrote %s: fill in its fields, then run prongsai check\n"),
	    rel);
out:
	free(text);
	free(rel);
	free(ydir);
	site_free(&s);
	diag_free(&d);
	return rc;
}
