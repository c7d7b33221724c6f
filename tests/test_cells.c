/* test_cells.c: cmocka tests of cells.c: point numbers, points run together, owners run together, status and progress, areas, a cell as Markdown. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extern.h"

/* A cell of paragraphs given as plain text (the Markdown the same). */
static void
cell_of(struct dcell *c, const char *const *paras)
{
	struct dtext	 t;

	memset(c, 0, sizeof(*c));
	for (; *paras != NULL; paras++) {
		memset(&t, 0, sizeof(t));
		dtext_add(&t, *paras, strlen(*paras), 0);
		dtext_end(&t, &c->p, &c->psz);
	}
}

static void
numbers(void **state)
{
	int	 n = 0;

	(void)state;
	assert_int_equal(cell_number("๑. การนำเทคโนโลยี", &n),
	    strlen("๑. "));
	assert_int_equal(n, 1);
	assert_int_equal(cell_number("12) ข้อ", &n), 4);
	assert_int_equal(n, 12);
	assert_int_equal(cell_number("๑.๕ ล้าน", &n), 0);
	assert_int_equal(cell_number("๒๕๖๖. ปี", &n), 0);
	assert_int_equal(cell_number("มาตรการ", &n), 0);
	assert_int_equal(cell_number("", &n), 0);
}

static void
owners(void **state)
{
	static const char *const run[] = {
		"นักวิเคราะห์ นโยบายและแผน เจ้าพนักงาน ธุรการ "
		    "ผู้ช่วยเจ้าพนักงาน ธุรการ", NULL
	};
	static const char *const one[] = {
		"หัวหน้าส่วนราชการสำนักปลัด/กองคลัง / กองช่าง", NULL
	};
	static const char *const lines[] = {
		"เจ้าหน้าที่ จุด ให้บริการต่างๆ", "หัวหน้าส่วน ทุก สำนัก/กอง",
		"เจ้าหน้าที่ จุด ให้บริการต่างๆ", NULL
	};
	struct dcell	 c;
	char		**v;
	size_t		 n;

	(void)state;
	cell_of(&c, run);
	n = cell_owners(&c, &v);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "นักวิเคราะห์ นโยบายและแผน");
	assert_string_equal(v[1], "เจ้าพนักงาน ธุรการ");
	assert_string_equal(v[2], "ผู้ช่วยเจ้าพนักงาน ธุรการ");
	strlist_free(v, n);
	dcell_free(&c);
	/* Joined by slashes as check would warn of: split (lenient.c). */
	cell_of(&c, one);
	n = cell_owners(&c, &v);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "หัวหน้าส่วนราชการสำนักปลัด");
	assert_string_equal(v[1], "กองคลัง");
	assert_string_equal(v[2], "กองช่าง");
	strlist_free(v, n);
	dcell_free(&c);
	/* A repeat is dropped. */
	cell_of(&c, lines);
	n = cell_owners(&c, &v);
	assert_int_equal(n, 2);
	assert_string_equal(v[1], "หัวหน้าส่วน ทุก สำนัก/กอง");
	strlist_free(v, n);
	dcell_free(&c);
}

static void
status(void **state)
{
	enum status	 st;
	int		 p;

	(void)state;
	assert_true(cell_status("ดำเนินการครบถ้วน ๑๐๐ %", &st, &p));
	assert_int_equal(st, STATUS_DONE);
	assert_int_equal(p, 100);
	assert_true(cell_status("อยู่ระหว่างดำเนินการ ๕๐ %", &st, &p));
	assert_int_equal(st, STATUS_IN_PROGRESS);
	assert_int_equal(p, 50);
	assert_true(cell_status("ดำเนินการแล้ว ร้อยละ 80", &st, &p));
	assert_int_equal(st, STATUS_IN_PROGRESS);
	assert_int_equal(p, 80);
	assert_true(cell_status("ยังไม่ได้ดำเนินการ", &st, &p));
	assert_int_equal(st, STATUS_PLANNED);
	assert_int_equal(p, 0);
	assert_true(cell_status("ยกเลิก เนื่องจากงบประมาณ", &st, &p));
	assert_int_equal(st, STATUS_CANCELLED);
	assert_true(cell_status("30%", &st, &p));
	assert_int_equal(st, STATUS_IN_PROGRESS);
	assert_int_equal(p, 30);
	assert_false(cell_status("ดีมาก", &st, &p));
	/* A year is no percentage. */
	assert_false(cell_status("ปี ๒๕๖๖", &st, &p));
}

static void
areas(void **state)
{
	(void)state;
	assert_int_equal(cell_areas("ผู้มีส่วนได้เสียภายใน (IIT) และ"
	    "ผู้มีส่วนได้เสียภายนอก (EIT) ประจำปี"), (1u << AREA_IIT) |
	    (1u << AREA_EIT));
	assert_int_equal(cell_areas("ข้อมูลของหน่วยงาน OIT ประจำปี"),
	    1u << AREA_OIT);
	assert_int_equal(cell_areas("การเปิดเผยข้อมูล"), 1u << AREA_OIT);
	/* Letters around the code make it another word. */
	assert_int_equal(cell_areas("EDIT OITX (Assessment : IT)"), 0);
}

static void
markdown(void **state)
{
	static const char *const numbered[] = {
		"๑. เผยแพร่ผลงาน เช่น เว็บไซต์ ๒. เพิ่มความถี่ ก่อน ๓ วัน", NULL
	};
	static const char *const result[] = {
		"ดำเนินการครบถ้วน ๑๐๐ % - มีการเผยแพร่ -ประชาสัมพันธ์ E-Service",
		NULL
	};
	static const char *const unsafe[] = {
		"<script>alert(1)</script> *ดาว* [ลิงก์](x) &amp;", "- ",
		"-1.5 องศา", "+ บวก", "1999. ปี", NULL
	};
	struct dcell	 c;
	struct buf	 b = { NULL, 0, 0 };

	(void)state;
	cell_of(&c, numbered);
	cell_md(&b, &c);
	assert_string_equal(b.s, "1. เผยแพร่ผลงาน เช่น เว็บไซต์\n"
	    "2. เพิ่มความถี่ ก่อน ๓ วัน\n");
	dcell_free(&c);
	b.len = 0;
	cell_of(&c, result);
	cell_md(&b, &c);
	assert_string_equal(b.s, "ดำเนินการครบถ้วน ๑๐๐ %\n\n- มีการเผยแพร่\n"
	    "- ประชาสัมพันธ์ E-Service\n");
	dcell_free(&c);
	b.len = 0;
	cell_of(&c, unsafe);
	cell_md(&b, &c);
	/* Markup escaped; an empty bullet dropped; what would start a list not. */
	assert_string_equal(b.s, "\\<script\\>alert(1)\\</script\\> "
	    "\\*ดาว\\* \\[ลิงก์\\](x) \\&amp;\n\n\\-1.5 องศา\n\n"
	    "\\+ บวก\n\n1999\\. ปี\n");
	dcell_free(&c);
	free(b.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
		cmocka_unit_test(owners),
		cmocka_unit_test(status),
		cmocka_unit_test(areas),
		cmocka_unit_test(markdown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
