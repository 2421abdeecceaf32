// Test program for `tsbpf latency` (C++): namespaces, templates and overloads. Prints how many
// times it called each function as "name<TAB>count" lines, with the names as demangled.
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace shapes {
namespace detail {
template <typename T>
__attribute__((noinline)) T scale(T v, int k) {
  asm volatile("" ::: "memory");
  return v * k;
}
}  // namespace detail

struct Box {
  long w, h;
  __attribute__((noinline)) long area() const { asm volatile("" ::: "memory"); return w * h; }
};

__attribute__((noinline)) long measure(int x) { asm volatile("" ::: "memory"); return x + 1; }
__attribute__((noinline)) double measure(double x) { asm volatile("" ::: "memory"); return x * 2; }

// A busy-wait of `us` microseconds: the duration the test expects to see.
__attribute__((noinline)) long spin(int us) {
  auto end = std::chrono::steady_clock::now() + std::chrono::microseconds(us);
  long n = 0;
  while (std::chrono::steady_clock::now() < end) n++;
  return n;
}
}  // namespace shapes

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 1000;
  double total = 0;
  for (int i = 0; i < n; i++) total += shapes::detail::scale<int>(i, 2);
  for (int i = 0; i < n / 2; i++) total += shapes::detail::scale<double>(i, 3);
  for (int i = 0; i < n * 7 / 10; i++) total += shapes::measure(i);
  for (int i = 0; i < n * 3 / 10; i++) total += shapes::measure(0.5 * i);
  shapes::Box box{3, 4};
  for (int i = 0; i < n * 4 / 10; i++) total += box.area();
  for (int i = 0; i < 50; i++) total += shapes::spin(200) > 0;
  std::printf("shapes::detail::scale<int>\t%d\n", n);
  std::printf("shapes::detail::scale<double>\t%d\n", n / 2);
  std::printf("shapes::measure(int)\t%d\n", n * 7 / 10);
  std::printf("shapes::measure(double)\t%d\n", n * 3 / 10);
  std::printf("shapes::Box::area() const\t%d\n", n * 4 / 10);
  std::printf("shapes::spin(int)\t%d\n", 50);
  std::printf("total\t%f\n", total);
  return 0;
}
