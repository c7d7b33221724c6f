/* pool.c: runs n independent tasks on a pool of threads, each task on the first thread that is free (big ones on one thread). */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "extern.h"

struct pool {
	pool_fn			 fn;
	pool_big_fn		 big;		/* NULL: no task is big */
	void			*arg;
	size_t			 n;
	const volatile sig_atomic_t *stop;
	pthread_mutex_t		 lock;		/* guards the rest */
	size_t			 next;		/* next small task to try */
	size_t			 nextbig;	/* next big task to try */
	size_t			 done;		/* tasks claimed */
	int			 failed;
};

/* What one thread knows: the pool and its own number. */
struct poolworker {
	struct pool	*p;
	int		 id;
};

/*
 * The next task for worker id to do, or p->n if none is left; call with
 * the lock held.  Big tasks are worker 0's alone, before any small one,
 * so that no two run at once.
 */
static size_t
pool_claim(struct pool *p, int id)
{
	if (p->failed || (p->stop != NULL && *p->stop))
		return p->n;
	if (p->big != NULL && id == 0) {
		while (p->nextbig < p->n && !p->big(p->arg, p->nextbig))
			p->nextbig++;
		if (p->nextbig < p->n) {
			p->done++;
			return p->nextbig++;
		}
	}
	while (p->next < p->n && p->big != NULL && p->big(p->arg, p->next))
		p->next++;
	if (p->next >= p->n)
		return p->n;
	p->done++;
	return p->next++;
}

static void *
pool_worker(void *arg)
{
	struct poolworker	*w = arg;
	struct pool		*p = w->p;
	size_t			 i;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		i = pool_claim(p, w->id);
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			return NULL;
		if (!p->fn(p->arg, i, w->id)) {
			pthread_mutex_lock(&p->lock);
			p->failed = 1;
			pthread_mutex_unlock(&p->lock);
		}
	}
}

/*
 * Call fn(arg, i, worker) for every i below n on up to threads threads
 * (the caller's own thread is worker 0; the others are numbered up to
 * threads - 1).  Tasks for which big(arg, i) is true (if big is given)
 * run one at a time, in order, on worker 0: each may hold much memory.
 * Once a call returns 0, or *stop (if given) is set, no new task starts.
 * Tasks must not depend on each other's order.  Returns 1 if every task
 * ran and returned 1.
 */
int
pool_run(int threads, size_t n, pool_fn fn, pool_big_fn big, void *arg,
    const volatile sig_atomic_t *stop)
{
	struct pool		 p;
	struct poolworker	*w;
	pthread_t		*tids;
	size_t			 i, started = 0;

	if (threads < 1)
		threads = 1;
	if ((size_t)threads > n)
		threads = n > 0 ? (int)n : 1;
	p.fn = fn;
	p.big = big;
	p.arg = arg;
	p.n = n;
	p.stop = stop;
	p.next = p.nextbig = p.done = 0;
	p.failed = 0;
	pthread_mutex_init(&p.lock, NULL);
	tids = xcalloc((size_t)threads, sizeof(*tids));
	w = xcalloc((size_t)threads, sizeof(*w));
	for (i = 0; i < (size_t)threads; i++) {
		w[i].p = &p;
		w[i].id = (int)i;
	}
	/* Fewer threads than asked only costs time. */
	for (i = 1; i < (size_t)threads; i++, started++)
		if (pthread_create(&tids[i], NULL, pool_worker, &w[i]) != 0)
			break;
	pool_worker(&w[0]);
	for (i = 1; i <= started; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	free(w);
	pthread_mutex_destroy(&p.lock);
	return !p.failed && p.done == n && !(stop != NULL && *stop);
}

/* Online CPUs: the default number of threads. */
int
pool_cpus(void)
{
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}
