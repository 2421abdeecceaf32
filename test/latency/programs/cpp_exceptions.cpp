// Test program for `tsbpf latency --at-returns` (C++): every third call of `thrower` throws
// through `middle` to `catcher`. Prints how many calls of each completed normally.
#include <cstdio>
#include <stdexcept>

__attribute__((noinline)) int thrower(int x) {
  if (x % 3 == 0) throw std::runtime_error("every third");
  asm volatile("" ::: "memory");
  return x;
}
__attribute__((noinline)) int middle(int x) {
  int r = thrower(x);
  asm volatile("" ::: "memory");
  return r + 1;
}
__attribute__((noinline)) int catcher(int x) {
  try {
    return middle(x);
  } catch (const std::exception&) {
    return -1;
  }
}

int main() {
  const int n = 300;
  long s = 0;
  for (int i = 0; i < n; i++) s += catcher(i);
  std::printf("catcher(int)\t%d\nmiddle(int)\t%d\nthrower(int)\t%d\nsum\t%ld\n", n, n - n / 3, n - n / 3, s);
  return 0;
}
