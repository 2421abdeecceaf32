// Test program for `tsbpf latency` (Rust, no crates): generic functions, trait methods,
// closures and a recursive function, run on 4 threads. Prints how many times it called each
// function as "name<TAB>count" lines (names as demangled, without hashes or generic arguments).
// Built without optimization so that the closure stays a function of its own.
use std::hint::black_box;
use std::time::{Duration, Instant};

trait Shape {
    fn area(&self) -> u64;
}
struct Square(u64);
struct Rect(u64, u64);
impl Shape for Square {
    #[inline(never)]
    fn area(&self) -> u64 { black_box(self.0 * self.0) }
}
impl Shape for Rect {
    #[inline(never)]
    fn area(&self) -> u64 { black_box(self.0 * self.1) }
}

#[inline(never)]
fn total<T: Into<u64> + Copy>(xs: &[T]) -> u64 {
    xs.iter().map(|&x| x.into()).sum::<u64>() + black_box(0)
}

#[inline(never)]
fn fib(n: u64) -> u64 {
    if n < 2 { black_box(n) } else { fib(n - 1) + fib(n - 2) }
}

// A busy-wait of `us` microseconds: the duration the test expects to see.
#[inline(never)]
fn spin(us: u64) -> u64 {
    let end = Instant::now() + Duration::from_micros(us);
    let mut n = 0;
    while Instant::now() < end { n += 1; }
    black_box(n)
}

#[inline(never)]
fn apply<F: Fn(u64) -> u64>(f: F, x: u64) -> u64 { f(black_box(x)) }

fn work(rounds: u64) -> u64 {
    let mut acc = 0u64;
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(3)), Box::new(Rect(2, 5))];
    let offset = black_box(7u64);
    let add = move |x: u64| x + offset;
    for i in 0..rounds {
        acc += total(&[1u8, 2, 3]);
        acc += total(&[i as u32, 5]);
        for s in &shapes { acc += s.area(); }
        acc += apply(&add, i);
    }
    acc += fib(10); // 177 calls
    acc += spin(300);
    acc
}

fn main() {
    let rounds: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(500);
    let threads: Vec<_> = (0..4).map(|_| std::thread::spawn(move || work(rounds))).collect();
    let sum: u64 = threads.into_iter().map(|t| t.join().unwrap()).sum();
    let n = 4 * rounds;
    println!("rust_main::total\t{}", 2 * n);
    println!("<rust_main::Square as rust_main::Shape>::area\t{}", n);
    println!("<rust_main::Rect as rust_main::Shape>::area\t{}", n);
    println!("rust_main::work::{{{{closure}}}}\t{}", n);
    println!("rust_main::fib\t{}", 4 * 177);
    println!("rust_main::spin\t{}", 4);
    println!("sum\t{}", sum);
}
