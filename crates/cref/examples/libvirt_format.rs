//! Reads a domain document on standard input (or from the files named), parses it with the
//! system libvirt's generic parser (`virDomainDefParseString`, generic `virDomainXMLOption`,
//! inactive) and prints libvirt's own formatting (`virDomainDefFormat`, secure), or libvirt's
//! error. A probe for what libvirt fills in and how it writes it:
//!
//! `echo "<domain type='kvm'>...</domain>" | cargo run -q -p virtkit-cref --example libvirt_format`

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(lv) = virtkit_cref::libvirt().filter(|lv| lv.has_domain_xml()) else {
        eprintln!("libvirt.so.0 with the domain XML exports is not available");
        return ExitCode::from(2);
    };
    let mut inputs: Vec<String> = Vec::new();
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        let mut s = String::new();
        if std::io::stdin().read_to_string(&mut s).is_err() {
            eprintln!("standard input is not text");
            return ExitCode::from(2);
        }
        inputs.push(s);
    }
    for f in &files {
        match std::fs::read_to_string(f) {
            Ok(s) => inputs.push(s),
            Err(e) => {
                eprintln!("{f}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let mut code = ExitCode::SUCCESS;
    for text in &inputs {
        match lv.domain_parse(text).and_then(|def| lv.domain_format(&def)) {
            Ok(xml) => print!("{xml}"),
            Err(e) => {
                println!("libvirt refuses: {e}");
                code = ExitCode::from(1);
            }
        }
    }
    code
}
