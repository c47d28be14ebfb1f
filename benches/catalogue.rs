//! Loading and checking generated lessons, as the kiosk does at start-up and `hocso check`
//! does for authors. Targets: 1,000 lessons in under 200 ms, 10,000 in under 1 s, on a
//! 2-core machine; 100 as the third size of the growth table.

#[path = "../tests/support/generate.rs"]
#[allow(dead_code)]
mod generate;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hocso::lesson::{Catalogue, CheckOptions};

fn load_and_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("catalogue_load_and_check");
    group.sample_size(10);
    for count in [100, 1_000, 10_000] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for (id, text) in generate::lessons(count) {
            std::fs::write(dir.path().join(format!("{id}.toml")), text).expect("written");
        }
        let options = CheckOptions::default();
        let loaded = Catalogue::load_dir(dir.path(), &options);
        assert_eq!(
            loaded.lessons.len(),
            count,
            "{:#?}",
            loaded.problems.first()
        );
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, _| {
            // Loading, not freeing: the kiosk keeps what it loaded.
            b.iter_with_large_drop(|| Catalogue::load_dir(dir.path(), &options))
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_check);
criterion_main!(benches);
