//! Just enough reading of `Cargo.toml` and `Cargo.lock` for xtask (std only, no TOML parser):
//! one `key = "value"` per line, sections by their `[header]` lines.

/// The string value of `key = "value"` on one line, if the line is that key.
fn string_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.trim().strip_prefix(key)?.trim_start().strip_prefix('=')?.trim();
    rest.strip_prefix('"')?.split('"').next()
}

/// The `(section header, line)` pairs of a TOML document, comments and blank lines left out.
fn lines_by_section(toml: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    toml.lines().filter_map(move |line| {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            None
        } else if trimmed.starts_with('[') {
            section = trimmed;
            None
        } else {
            Some((section, trimmed))
        }
    })
}

/// `[package] name` of a manifest.
pub(crate) fn package_name(manifest: &str) -> Option<String> {
    lines_by_section(manifest)
        .filter(|(section, _)| *section == "[package]")
        .find_map(|(_, line)| string_value(line, "name"))
        .map(str::to_owned)
}

/// The names of every `[[bin]]` of a manifest, in order.
pub(crate) fn bin_names(manifest: &str) -> Vec<String> {
    lines_by_section(manifest)
        .filter(|(section, _)| *section == "[[bin]]")
        .filter_map(|(_, line)| string_value(line, "name"))
        .map(str::to_owned)
        .collect()
}

/// Every version of the package `name` recorded in a `Cargo.lock`.
pub(crate) fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let mut versions = Vec::new();
    let mut current = None;
    for (section, line) in lines_by_section(lock) {
        if section != "[[package]]" {
            continue;
        }
        if let Some(value) = string_value(line, "name") {
            current = Some(value);
        } else if let Some(value) = string_value(line, "version")
            && current == Some(name)
        {
            versions.push(value.to_owned());
        }
    }
    versions
}

#[cfg(test)]
mod tests {
    use super::*;

    const FUZZ: &str = r#"
[package]
name = "virtkit-fuzz"   # trailing comment
version = "0.0.0"

[dependencies]
libfuzzer-sys = "0.4"

# [[bin]]
# name = "commented_out"

[[bin]]
name = "cpuset_parse"
path = "fuzz_targets/cpuset_parse.rs"
test = false

[[bin]]
name="kernel_cpulist"
path = "fuzz_targets/kernel_cpulist.rs"
"#;

    #[test]
    fn reads_package_and_bins() {
        assert_eq!(package_name(FUZZ).as_deref(), Some("virtkit-fuzz"));
        assert_eq!(bin_names(FUZZ), ["cpuset_parse", "kernel_cpulist"]);
        assert!(bin_names("[package]\nname = \"x\"\n").is_empty());
    }

    #[test]
    fn package_name_ignores_other_sections() {
        let manifest = "[dependencies]\nname = \"not-me\"\n[package]\nname = \"me\"\n";
        assert_eq!(package_name(manifest).as_deref(), Some("me"));
    }

    #[test]
    fn reads_lock_versions() {
        let lock = r#"
version = 4

[[package]]
name = "libc"
version = "0.2.183"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "libloading"
version = "0.8.9"
dependencies = [
 "libc",
]

[[package]]
name = "libc"
version = "0.2.191"
"#;
        assert_eq!(locked_versions(lock, "libc"), ["0.2.183", "0.2.191"]);
        assert_eq!(locked_versions(lock, "libloading"), ["0.8.9"]);
        assert!(locked_versions(lock, "virt").is_empty());
    }

    /// The root manifest's `default-members` are every crate but `crates/libvirt` (the one
    /// that links the system libvirt), so that a plain `cargo build` needs no libvirt.
    #[test]
    fn default_members_leave_out_only_libvirt() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        let start = manifest.find("default-members = [").expect("default-members");
        let list = &manifest[start..manifest[start..].find(']').unwrap() + start];
        let listed: Vec<&str> = list.split('"').skip(1).step_by(2).collect();
        let mut expected: Vec<String> = std::fs::read_dir(root.join("crates"))
            .unwrap()
            .map(|e| format!("crates/{}", e.unwrap().file_name().to_string_lossy()))
            .filter(|dir| dir != "crates/libvirt" && root.join(dir).join("Cargo.toml").exists())
            .collect();
        expected.extend(["benches".to_owned(), "xtask".to_owned()]);
        let mut listed_sorted: Vec<String> = listed.iter().map(|s| (*s).to_owned()).collect();
        listed_sorted.sort();
        expected.sort();
        assert_eq!(listed_sorted, expected);
    }
}
