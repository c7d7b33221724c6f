/* pool.c: runs n independent tasks on a pool of threads, each task on the first thread that is free. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "extern.h"

struct pool {
	pool_fn			 fn;
	void			*arg;
	size_t			 n;
	const volatile sig_atomic_t *stop;
	pthread_mutex_t		 lock;		/* guards next and failed */
	size_t			 next;
	int			 failed;
};

/* What one thread knows: the pool and its own number. */
struct poolworker {
	struct pool	*p;
	int		 id;
};

static void *
pool_worker(void *arg)
{
	struct poolworker	*w = arg;
	struct pool		*p = w->p;
	size_t			 i;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		i = p->next++;
		if (p->failed || (p->stop != NULL && *p->stop))
			i = p->n;
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
 * threads - 1).  Once a call returns 0, or *stop (if given) is set, no
 * new task starts.  Tasks must not depend on each other's order.
 * Returns 1 if every task ran and returned 1.
 */
int
pool_run(int threads, size_t n, pool_fn fn, void *arg,
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
	p.arg = arg;
	p.n = n;
	p.stop = stop;
	p.next = 0;
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
	return !p.failed && p.next >= n && !(stop != NULL && *stop);
}

/* Online CPUs: the default number of threads. */
int
pool_cpus(void)
{
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}
