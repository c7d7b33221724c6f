/* test_pool.c: cmocka tests of pool.c: every task runs once, big tasks one at a time on worker 0, failures and stops end the run. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "extern.h"

#define NTASKS	200

struct run {
	pthread_mutex_t	 lock;
	int		 ran[NTASKS];	/* times each task ran */
	int		 worker[NTASKS];	/* which worker ran it */
	int		 bigs;		/* big tasks running now */
	int		 maxbigs;	/* most at once */
	size_t		 lastbig;	/* the big task that ran last, +1 */
	int		 inorder;	/* big tasks ran in order */
	size_t		 failat;	/* a task that fails; NTASKS: none */
	volatile sig_atomic_t *stop;
};

/* Every seventh task is big. */
static int
is_big(void *arg, size_t i)
{
	(void)arg;
	return i % 7 == 3;
}

/* Long enough that the threads' tasks overlap. */
static void
pause_a_little(void)
{
	struct timespec	 ts = { 0, 200000 };

	nanosleep(&ts, NULL);
}

static int
task(void *arg, size_t i, int w)
{
	struct run	*r = arg;
	int		 big = is_big(arg, i);

	pthread_mutex_lock(&r->lock);
	r->ran[i]++;
	r->worker[i] = w;
	if (big) {
		if (++r->bigs > r->maxbigs)
			r->maxbigs = r->bigs;
		if (r->lastbig > i)
			r->inorder = 0;
		r->lastbig = i + 1;
	}
	if (r->stop != NULL && i == 50)
		*r->stop = 1;
	pthread_mutex_unlock(&r->lock);
	pause_a_little();
	pthread_mutex_lock(&r->lock);
	if (big)
		r->bigs--;
	pthread_mutex_unlock(&r->lock);
	return i != r->failat;
}

static void
run_init(struct run *r)
{
	memset(r, 0, sizeof(*r));
	pthread_mutex_init(&r->lock, NULL);
	r->inorder = 1;
	r->failat = NTASKS;
}

/* Run every task on 1 to 4 threads: each runs once; big ones alone, in order, on worker 0. */
static void
run_all(pool_big_fn big)
{
	struct run	 r;
	int		 threads;
	size_t		 i;

	for (threads = 1; threads <= 4; threads++) {
		run_init(&r);
		assert_int_equal(pool_run(threads, NTASKS, task, big, &r,
		    NULL), 1);
		for (i = 0; i < NTASKS; i++) {
			assert_int_equal(r.ran[i], 1);
			assert_in_range(r.worker[i], 0, threads - 1);
			if (big != NULL && big(NULL, i))
				assert_int_equal(r.worker[i], 0);
		}
		if (big != NULL) {
			assert_int_equal(r.maxbigs, 1);
			assert_true(r.inorder);
		}
		pthread_mutex_destroy(&r.lock);
	}
}

static void
every_task_once(void **state)
{
	(void)state;
	run_all(NULL);
}

static void
big_tasks_one_at_a_time(void **state)
{
	(void)state;
	run_all(is_big);
}

/* How many tasks ran. */
static size_t
ran(const struct run *r)
{
	size_t	 i, n = 0;

	for (i = 0; i < NTASKS; i++)
		n += (size_t)r->ran[i];
	return n;
}

static void
failure_stops_the_run(void **state)
{
	struct run	 r;

	(void)state;
	run_init(&r);
	r.failat = 10;
	assert_int_equal(pool_run(2, NTASKS, task, is_big, &r, NULL), 0);
	assert_true(ran(&r) < NTASKS);
	pthread_mutex_destroy(&r.lock);
}

static void
stop_flag_stops_the_run(void **state)
{
	struct run		 r;
	volatile sig_atomic_t	 stop = 0;

	(void)state;
	run_init(&r);
	r.stop = &stop;
	assert_int_equal(pool_run(2, NTASKS, task, NULL, &r, &stop), 0);
	assert_true(ran(&r) < NTASKS);
	pthread_mutex_destroy(&r.lock);
}

static void
no_tasks(void **state)
{
	struct run	 r;

	(void)state;
	run_init(&r);
	assert_int_equal(pool_run(4, 0, task, is_big, &r, NULL), 1);
	pthread_mutex_destroy(&r.lock);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_task_once),
		cmocka_unit_test(big_tasks_one_at_a_time),
		cmocka_unit_test(failure_stops_the_run),
		cmocka_unit_test(stop_flag_stops_the_run),
		cmocka_unit_test(no_tasks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
