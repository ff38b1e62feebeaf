//! The bundled corpus, embedded in the binary so `saywho` works from any directory.

/// (file name, contents) of each bundled article.
pub const FILES: &[(&str, &str)] = &[
    (
        "000_60cf7d78ee1ee50f.txt",
        include_str!("../../corpus/000_60cf7d78ee1ee50f.txt"),
    ),
    (
        "001_fd44dedc337e22ef.txt",
        include_str!("../../corpus/001_fd44dedc337e22ef.txt"),
    ),
    (
        "002_a6dbcf461c5f4e37.txt",
        include_str!("../../corpus/002_a6dbcf461c5f4e37.txt"),
    ),
];

/// The display path of a bundled file.
pub fn path_of(name: &str) -> String {
    format!("bundled:corpus/{name}")
}
