/* The shared library of the C test program. */
long work_spin_ns(long ns);
long work_add(long a, long b);
