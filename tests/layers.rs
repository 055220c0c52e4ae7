//! The crate's module graph: every `crate::` import points down the layers (or sideways within
//! one), and the top-level modules form no cycle. Read from the source text, so a new upward
//! import fails here before review.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Bottom to top. A module may import from its own layer and the layers below it.
const LAYERS: &[&[&str]] = &[
    &["domain", "crypto"],
    &["config", "telemetry", "metrics", "systemd"],
    &["store"],
    &["ratelimit", "fanvue"],
    &["agent", "notify"],
    &[
        "dispatcher",
        "sender",
        "poller",
        "sequences",
        "draft_expiry",
        "fan_summary",
    ],
    &["ingress", "console", "health", "reload"],
    &["app", "cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`None` for the crate root and binaries).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (!["lib", "main", "bin"].contains(&name.as_str())).then_some(name)
}

/// The source without comments, so prose that mentions `crate::x` is not an import.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module named after `crate::`, including each item of a `crate::{a, b::c}` group.
fn imported_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            found.extend(group_heads(group));
        } else {
            found.insert(ident_at(rest));
        }
    }
    found.retain(|m| !m.is_empty());
    found
}

/// The first path segment of each item of a `{...}` group (the text after its opening brace).
fn group_heads(group: &str) -> Vec<String> {
    let (mut depth, mut heads, mut item_start) = (0usize, Vec::new(), true);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => item_start = true,
            c if item_start && depth == 0 && (c.is_alphanumeric() || c == '_') => {
                heads.push(ident_at(&group[i..]));
                item_start = false;
            }
            _ => {}
        }
    }
    heads
}

fn ident_at(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Top-level module -> the top-level modules it imports, with one file that does, for messages.
fn module_graph() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(&src, &file) else {
            continue;
        };
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        let deps = graph.entry(module.clone()).or_default();
        for dep in imported_modules(&code) {
            if dep != module {
                deps.entry(dep).or_insert_with(|| file.clone());
            }
        }
    }
    graph
}

#[test]
fn every_top_level_module_has_a_layer() {
    let unplaced: Vec<_> = module_graph()
        .into_keys()
        .filter(|m| layer_of(m).is_none())
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules missing from LAYERS: {unplaced:?}"
    );
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let mut upward = Vec::new();
    for (module, deps) in module_graph() {
        for (dep, file) in deps {
            if let (Some(from), Some(to)) = (layer_of(&module), layer_of(&dep)) {
                if to > from {
                    upward.push(format!("{module} -> {dep} ({})", file.display()));
                }
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports pointing up the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_top_level_modules_form_no_import_cycle() {
    let graph = module_graph();
    let mut done = BTreeSet::new();
    for start in graph.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = find_cycle(&graph, start, &mut path, &mut done) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

/// Depth-first search; returns the modules of a cycle reachable from `at`, if any.
fn find_cycle(
    graph: &BTreeMap<String, BTreeMap<String, PathBuf>>,
    at: &str,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(i) = path.iter().position(|m| m == at) {
        let mut cycle = path[i..].to_vec();
        cycle.push(at.to_string());
        return Some(cycle);
    }
    if done.contains(at) {
        return None;
    }
    path.push(at.to_string());
    for dep in graph.get(at).into_iter().flat_map(|d| d.keys()) {
        if let Some(cycle) = find_cycle(graph, dep, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(at.to_string());
    None
}

#[test]
fn the_import_reader_sees_grouped_and_nested_imports_and_skips_comments() {
    let code = code_of(
        "use crate::{\n    app::Parts,\n    fanvue::{Apis, ApiError},\n    store,\n};\n\
         // crate::ingress is only mentioned here\nlet x = crate::domain::time::now_ms();",
    );
    let found: Vec<_> = imported_modules(&code).into_iter().collect();
    assert_eq!(found, ["app", "domain", "fanvue", "store"]);
}

#[test]
fn the_emulator_crate_does_not_depend_on_the_product() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: toml::Table =
        std::fs::read_to_string(root.join("crates/fanvue-sandbox/Cargo.toml"))
            .unwrap()
            .parse()
            .unwrap();
    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        let deps = manifest.get(section).and_then(|d| d.as_table());
        assert!(
            !deps.is_some_and(|d| d.contains_key("fanvue-agent")),
            "the sandbox's [{section}] names the product: it must model Fanvue on its own"
        );
    }
    let mut files = Vec::new();
    rust_files(&root.join("crates/fanvue-sandbox/src"), &mut files);
    for file in files {
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        assert!(
            !code.contains("fanvue_agent::") && !code.contains("use fanvue_agent"),
            "{} uses the product crate",
            file.display()
        );
    }
}
