/* mwrite.c: writes a measure's front matter from a struct measure, its keys named and ordered by measure.c's measure_fieldtab, with a Thai comment on every field for a new file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/*
 * What an editor reads above each field of a new measure file.  These
 * are the file's Thai content (a Thai site's template), not messages
 * of the program, so they are not translated.  A field that has no
 * entry here is still written, with its key alone as its comment.
 */
static const char *const fieldhelp[F__MAX] = {
	[F_TITLE] = "ชื่อมาตรการหรือแนวทาง ตามที่จะแสดงในรายงาน",
	[F_FISCAL_YEAR] = "ปีงบประมาณ พ.ศ. (๑ ต.ค. – ๓๐ ก.ย. "
	    "เรียกตามปีที่สิ้นสุด)",
	[F_AREAS] = "ด้านการประเมิน: IIT (ผู้มีส่วนได้ส่วนเสียภายใน) "
	    "EIT (ผู้มีส่วนได้ส่วนเสียภายนอก) OIT (การเปิดเผยข้อมูล) "
	    "ใส่ได้หลายด้าน เช่น [IIT, EIT]",
	[F_INDICATOR] = "ตัวชี้วัดที่ (๑–๑๐) ตามกรอบการประเมินของปีนั้น "
	    "ไม่ใส่ก็ได้",
	[F_ORDER] = "ลำดับในรายงาน (ตัวเลข) ไม่ใส่ก็ได้",
	[F_OWNERS] = "ผู้รับผิดชอบ บรรทัดละหนึ่งราย",
	[F_PERIOD] = "ระยะเวลาดำเนินการ: whole-year (ทั้งปีงบประมาณ) "
	    "หรือเขียนแบบ \"ม.ค. - ก.พ. ๒๕๖๖\" หรือ start: 2023-01 "
	    "และ end: 2023-02 (ค.ศ.)",
	[F_STATUS] = "สถานะ: planned (ยังไม่เริ่ม) in-progress "
	    "(กำลังดำเนินการ) done (เสร็จแล้ว) cancelled (ยกเลิก)",
	[F_PROGRESS] = "ความก้าวหน้า ร้อยละ ๐–๑๐๐ (สถานะ done "
	    "ไม่ใส่ก็ได้ ถือเป็น ๑๐๐)",
	[F_SUMMARY] = "สรุปผลสั้น ๆ หนึ่งประโยค แสดงในหน้ารวม ไม่ใส่ก็ได้",
	[F_EVIDENCE] = "เอกสารหลักฐาน: ที่อยู่ https:// หรือไฟล์ใน "
	    "content/files/ เขียนเป็น files/ชื่อไฟล์ ไม่ใส่ก็ได้",
	[F_UPDATES] = "บันทึกความก้าวหน้าแต่ละครั้ง (วันที่ ค.ศ. "
	    "ปปปป-ดด-วว) ไม่ใส่ก็ได้",
	[F_DRAFT] = "true = ฉบับร่าง ยังไม่เผยแพร่ (แสดงเมื่อ build "
	    "--drafts)",
	[F_SLUG] = "ชื่อในที่อยู่เว็บ (a-z 0-9 และ -) ไม่ใส่ก็ได้ "
	    "จะใช้ชื่อไฟล์",
	[F_PUBLISHED] = "วันที่เผยแพร่ (ค.ศ. ปปปป-ดด-วว) ไม่ใส่ก็ได้ "
	    "จะใช้วันเริ่มของระยะเวลา",
};

/* An example of an optional field the measure does not use, commented out. */
static const char *const fieldexample[F__MAX] = {
	[F_INDICATOR] = "# indicator: 1\n",
	[F_ORDER] = "# order: 1\n",
	[F_SUMMARY] = "# summary: สรุปผลการดำเนินงาน\n",
	[F_EVIDENCE] = "# evidence:\n#   - title: ประกาศ\n"
	    "#     url: files/announcement.pdf\n",
	[F_UPDATES] = "# updates:\n#   - date: 2023-04-30\n"
	    "#     progress: 50\n#     status: in-progress\n"
	    "#     note: รายงานรอบ ๖ เดือน\n",
	[F_DRAFT] = "# draft: true\n",
	[F_SLUG] = "# slug: my-measure\n",
	[F_PUBLISHED] = "# published: 2023-01-15\n",
};

static void
key(struct buf *b, const char *k)
{
	buf_add(b, k);
	buf_add(b, ":");
}

/* The value of field f of m, as YAML after "key:"; 0 if m has none. */
static int
value(struct buf *b, const struct mfield *f, const struct measure *m)
{
	char	*s;
	size_t	 i;
	int	 a, first = 1;

	switch (f->f) {
	case F_TITLE:
		if (m->title == NULL)
			return 0;
		key(b, f->key);
		buf_add(b, " ");
		escape_yaml(b, m->title);
		break;
	case F_FISCAL_YEAR:
		key(b, f->key);
		s = xasprintf(" %d", m->fiscal_year);
		buf_add(b, s);
		free(s);
		break;
	case F_AREAS:
		key(b, f->key);
		buf_add(b, " [");
		for (a = 0; a < AREA__MAX; a++)
			if (m->areas & (1u << a)) {
				buf_add(b, first ? "" : ", ");
				buf_add(b, area_name((enum area)a));
				first = 0;
			}
		buf_add(b, "]");
		break;
	case F_INDICATOR:
	case F_ORDER:
		if (f->f == F_INDICATOR ? m->indicator == 0 : !m->has_order)
			return 0;
		key(b, f->key);
		s = xasprintf(" %d", f->f == F_INDICATOR ? m->indicator :
		    m->order);
		buf_add(b, s);
		free(s);
		break;
	case F_OWNERS:
		key(b, f->key);
		for (i = 0; i < m->ownersz; i++) {
			buf_add(b, "\n  - ");
			escape_yaml(b, m->owners[i]);
		}
		break;
	case F_PERIOD:
		key(b, f->key);
		buf_add(b, " ");
		if (m->period.text != NULL)
			escape_yaml(b, m->period.text);
		else if (m->period.whole_year)
			buf_add(b, "whole-year");
		else {
			buf_add(b, "\n  start: ");
			buf_add(b, s = date_iso(&m->period.start));
			free(s);
			buf_add(b, "\n  end: ");
			buf_add(b, s = date_iso(&m->period.end));
			free(s);
		}
		break;
	case F_STATUS:
		key(b, f->key);
		buf_add(b, " ");
		buf_add(b, status_name(m->status));
		break;
	case F_PROGRESS:
		key(b, f->key);
		s = xasprintf(" %d", m->progress);
		buf_add(b, s);
		free(s);
		break;
	case F_SUMMARY:
		if (m->summary == NULL)
			return 0;
		key(b, f->key);
		buf_add(b, " ");
		escape_yaml(b, m->summary);
		break;
	default:
		/* Evidence, updates, draft, slug, published: none imported. */
		return 0;
	}
	buf_add(b, "\n");
	return 1;
}

/*
 * Append m's front matter, between its --- lines, to b: every field of
 * measure_fieldtab that m has, in the table's order.  With help set
 * (a new file), a Thai comment above each field and the optional fields
 * m lacks as commented-out examples.
 */
void
mwrite_front(struct buf *b, const struct measure *m, int help)
{
	const struct mfield	*f;
	size_t			 i;

	buf_add(b, "---\n");
	for (i = 0; i < measure_fieldsz; i++) {
		f = &measure_fieldtab[i];
		if (f->key == NULL)
			continue;
		if (help) {
			buf_add(b, "# ");
			buf_add(b, fieldhelp[f->f] != NULL ?
			    fieldhelp[f->f] : f->key);
			buf_add(b, "\n");
		}
		if (!value(b, f, m) && help)
			buf_add(b, fieldexample[f->f] != NULL ?
			    fieldexample[f->f] : "");
	}
	buf_add(b, "---\n");
}
