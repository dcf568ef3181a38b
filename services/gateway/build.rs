//! Rebuilds the binary when the web frontend's bundle (`web/dist/`, embedded by rust-embed)
//! changes, including files added or removed there.

fn main() {
    println!("cargo::rerun-if-changed=../../web/dist");
}
