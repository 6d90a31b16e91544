//! The developer guide's layering rules, checked on the source itself: no
//! import circle between files, the pure domain imports none of the outer
//! layers, and the command line never touches the database.
//!
//! A file depends on the file that defines what its `use` lines name. A name
//! a module re-exports (`pub use child::Name`, `pub use child::*`) leads on
//! to the child that defines it, so a facade such as `domain/mod.rs` hides no
//! circle. A module's own descendants do not count as its dependencies:
//! `bot/mod.rs` declaring, re-exporting or calling `bot/router.rs` is the
//! module being made of its parts, while `bot/router.rs` using
//! `crate::bot::Context` is a real dependency of the child on its parent.
//! Test code (`#[cfg(test)]` modules and files) is left out: the rules are
//! about the program that ships.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path below the crate root, such as `["db", "actions"]`.
type ModulePath = Vec<String>;

struct UsePath {
    /// How many inline `mod name {` blocks the `use` stands in.
    inline_depth: usize,
    /// Inside a `#[cfg(test)]` inline module.
    in_test: bool,
    public: bool,
    path: String,
}

struct SourceFile {
    /// Relative to the crate, for messages.
    name: String,
    text: String,
}

struct Crate {
    files: BTreeMap<ModulePath, SourceFile>,
}

impl Crate {
    fn read() -> Self {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut paths = Vec::new();
        collect_rust_files(&src, &mut paths);
        let files = paths
            .into_iter()
            .filter(|path| !path.ends_with("main.rs"))
            .map(|path| {
                let relative = path.strip_prefix(&src).unwrap();
                let mut module: ModulePath = relative
                    .with_extension("")
                    .iter()
                    .map(|part| part.to_string_lossy().into_owned())
                    .collect();
                if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                    module.pop();
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let name = format!("src/{}", relative.display());
                (module, SourceFile { name, text })
            })
            .collect();
        Crate { files }
    }

    /// The file whose module is the longest start of `path`, and the rest.
    fn file_of<'a>(&self, path: &'a [String]) -> (ModulePath, &'a [String]) {
        (0..=path.len())
            .rev()
            .map(|length| path.split_at(length))
            .find(|(module, _)| self.files.contains_key(*module))
            .map(|(module, rest)| (module.to_vec(), rest))
            .unwrap_or_default()
    }

    /// The file that defines what `path` names, following re-exports.
    fn defining_file(&self, path: &[String], hops: usize) -> ModulePath {
        let (module, rest) = self.file_of(path);
        let Some(name) = rest.first() else {
            return module;
        };
        if hops < 8 {
            for target in reexports(&self.files[&module].text, name) {
                let mut next = module.clone();
                next.extend(target);
                next.extend(rest[1..].iter().cloned());
                // A glob only leads on when the child really defines the name.
                let (child, child_rest) = self.file_of(&next);
                if child != module
                    && (child_rest.is_empty() || defines(&self.files[&child].text, &child_rest[0]))
                {
                    return self.defining_file(&next, hops + 1);
                }
            }
        }
        module
    }

    /// Whether the parent declares the module `#[cfg(test)]`, or it is
    /// inside one that is.
    fn is_test_only(&self, module: &ModulePath) -> bool {
        (1..=module.len()).any(|length| {
            let (parent, name) = (&module[..length - 1], &module[length - 1]);
            self.files.get(parent).is_some_and(|file| {
                let lines: Vec<&str> = file.text.lines().map(str::trim).collect();
                lines.windows(2).any(|pair| {
                    pair[0] == "#[cfg(test)]" && strip_visibility(pair[1]) == format!("mod {name};")
                })
            })
        })
    }

    /// Every module path each shipped file names in a `use` line outside
    /// its test modules, made absolute.
    fn imports(&self) -> BTreeMap<ModulePath, BTreeSet<ModulePath>> {
        self.files
            .iter()
            .filter(|(module, _)| !self.is_test_only(module))
            .map(|(module, file)| {
                let named = use_paths(&file.text)
                    .into_iter()
                    .filter(|named| !named.in_test)
                    .filter_map(|named| {
                        absolute(module, named.inline_depth, &named.path, |child| {
                            let mut candidate = module.clone();
                            candidate.push(child.to_owned());
                            self.files.contains_key(&candidate)
                        })
                    })
                    .collect();
                (module.clone(), named)
            })
            .collect()
    }

    /// File-to-file dependencies, leaving out a module's own descendants.
    fn dependencies(&self) -> BTreeMap<ModulePath, BTreeSet<ModulePath>> {
        self.imports()
            .into_iter()
            .map(|(module, named)| {
                let targets = named
                    .iter()
                    .map(|path| self.defining_file(path, 0))
                    .filter(|target| !target.starts_with(&module))
                    .collect();
                (module, targets)
            })
            .collect()
    }

    fn name(&self, module: &ModulePath) -> &str {
        &self.files[module].name
    }
}

fn collect_rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rust_files(&path, into);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            into.push(path);
        }
    }
}

/// The paths of every `use` item, each with how many inline `mod name {`
/// blocks it stands in and whether it is a `pub` re-export. Relies on rustfmt's layout: an inline module ends
/// with a `}` at the indentation its `mod` line started at.
fn use_paths(text: &str) -> Vec<UsePath> {
    let mut found = Vec::new();
    // The indentation of each open inline module, and whether it is test code.
    let mut open_modules: Vec<(usize, bool)> = Vec::new();
    let mut after_cfg_test = false;
    let mut statement: Option<(bool, String)> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if let Some((_, partial)) = statement.as_mut() {
            partial.push_str(trimmed);
        } else if let Some(rest) = strip_visibility(trimmed).strip_prefix("use ") {
            statement = Some((trimmed.starts_with("pub"), rest.to_owned()));
        } else if trimmed.ends_with('{') && strip_visibility(trimmed).starts_with("mod ") {
            open_modules.push((indent, after_cfg_test));
        } else if trimmed == "}" && open_modules.last().map(|m| m.0) == Some(indent) {
            open_modules.pop();
        }
        after_cfg_test = trimmed == "#[cfg(test)]";
        if let Some((public, done)) = statement.take_if(|(_, partial)| partial.ends_with(';')) {
            let inline_depth = open_modules.len();
            let in_test = open_modules.iter().any(|m| m.1);
            found.extend(
                expand(done.trim_end_matches(';'))
                    .into_iter()
                    .map(|path| UsePath {
                        inline_depth,
                        in_test,
                        public,
                        path,
                    }),
            );
        }
    }
    found
}

fn strip_visibility(line: &str) -> &str {
    let Some(rest) = line.strip_prefix("pub") else {
        return line;
    };
    match rest.strip_prefix('(') {
        Some(scoped) => scoped
            .split_once(')')
            .map_or(line, |(_, after)| after.trim_start()),
        None => rest.trim_start(),
    }
}

/// `a::{b, c::{d as e}}` as `a::b` and `a::c::d`; `a::{self}` as `a`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.trim_end_matches("::self").to_owned()];
    };
    let prefix = tree[..open].trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (at, character) in inner.char_indices() {
        match character {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .flat_map(expand)
        .map(|path| match path.as_str() {
            "self" => prefix.to_owned(),
            _ => format!("{prefix}::{path}"),
        })
        .collect()
}

/// `path` as a module path from the crate root, or `None` when it names
/// another crate or something inside the same file.
fn absolute(
    module: &ModulePath,
    inline_depth: usize,
    path: &str,
    is_child: impl Fn(&str) -> bool,
) -> Option<ModulePath> {
    let mut segments: Vec<String> = path.split("::").map(str::to_owned).collect();
    let first = segments.first()?.clone();
    let mut base = match first.as_str() {
        "crate" => {
            segments.remove(0);
            Vec::new()
        }
        "super" => {
            let supers = segments.iter().take_while(|s| *s == "super").count();
            segments.drain(..supers);
            // Inside an inline module the first `super`s stay in the file.
            let leaving = supers.checked_sub(inline_depth).filter(|n| *n > 0)?;
            module[..module.len().checked_sub(leaving)?].to_vec()
        }
        "self" if inline_depth == 0 => {
            segments.remove(0);
            module.clone()
        }
        child if inline_depth == 0 && is_child(child) => {
            return Some([module.clone(), segments].concat());
        }
        _ => return None,
    };
    base.extend(segments);
    Some(base)
}

/// Where the file's `pub use` lines say `name` comes from, as paths
/// relative to the file's module; a glob gives its module.
fn reexports(text: &str, name: &str) -> Vec<ModulePath> {
    use_paths(text)
        .into_iter()
        .filter(|named| named.public && named.inline_depth == 0)
        .filter_map(|named| {
            let path = named.path.strip_prefix("self::").unwrap_or(&named.path);
            let segments: ModulePath = path.split("::").map(str::to_owned).collect();
            match segments.last().map(String::as_str) {
                Some("*") => Some(segments[..segments.len() - 1].to_vec()),
                Some(last) if last == name => Some(segments),
                _ => None,
            }
        })
        .filter(|segments| {
            !matches!(
                segments.first().map(String::as_str),
                Some("crate" | "super")
            )
        })
        .collect()
}

/// Whether the file defines a public item called `name` at its top level.
fn defines(text: &str, name: &str) -> bool {
    text.lines().any(|line| {
        let line = strip_visibility(line);
        [
            "struct", "enum", "fn", "async fn", "const", "static", "type", "trait", "mod",
        ]
        .iter()
        .any(|kind| {
            line.strip_prefix(kind)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| {
                    rest.starts_with(name)
                        && !rest[name.len()..]
                            .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                })
        })
    })
}

/// One circle per strongly connected group of files (Tarjan).
fn circles(graph: &BTreeMap<ModulePath, BTreeSet<ModulePath>>) -> Vec<Vec<ModulePath>> {
    struct Search<'g> {
        graph: &'g BTreeMap<ModulePath, BTreeSet<ModulePath>>,
        index: BTreeMap<&'g ModulePath, (usize, usize)>,
        stack: Vec<&'g ModulePath>,
        found: Vec<Vec<ModulePath>>,
    }
    impl<'g> Search<'g> {
        fn visit(&mut self, node: &'g ModulePath) {
            let order = self.index.len();
            self.index.insert(node, (order, order));
            self.stack.push(node);
            for next in self.graph.get(node).into_iter().flatten() {
                match self.index.get(next) {
                    None => {
                        self.visit(next);
                        let low = self.index[next].1.min(self.index[node].1);
                        self.index.get_mut(node).unwrap().1 = low;
                    }
                    Some(&(next_order, _)) if self.stack.contains(&next) => {
                        let low = next_order.min(self.index[node].1);
                        self.index.get_mut(node).unwrap().1 = low;
                    }
                    Some(_) => {}
                }
            }
            if self.index[node].0 == self.index[node].1 {
                let at = self.stack.iter().position(|n| *n == node).unwrap();
                let group: Vec<ModulePath> = self.stack.drain(at..).cloned().collect();
                if group.len() > 1 {
                    self.found.push(group);
                }
            }
        }
    }
    let mut search = Search {
        graph,
        index: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !search.index.contains_key(node) {
            search.visit(node);
        }
    }
    search.found
}

#[test]
fn no_two_files_import_each_other_even_round_about() {
    let krate = Crate::read();
    let groups: Vec<String> = circles(&krate.dependencies())
        .iter()
        .map(|group| {
            let names: Vec<&str> = group.iter().map(|module| krate.name(module)).collect();
            names.join(" ~ ")
        })
        .collect();
    assert!(groups.is_empty(), "import circles:\n{}", groups.join("\n"));
}

#[test]
fn the_domain_imports_no_outer_layer_and_the_cli_no_database() {
    let krate = Crate::read();
    let outer = ["prompts", "db", "service", "report", "bot"];
    let mut broken = Vec::new();
    for (module, named) in krate.imports() {
        let forbidden: &[&str] = match module.first().map(String::as_str) {
            Some("domain") => &outer,
            Some("cli") => &["db"],
            _ => &[],
        };
        for path in named {
            if forbidden.contains(&path[0].as_str()) {
                broken.push(format!(
                    "{} uses crate::{}",
                    krate.name(&module),
                    path.join("::")
                ));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_checker_sees_circles_and_forbidden_imports() {
    // A tiny crate in words: a uses c/b through c's re-export and c/b uses
    // a; only test code (a's tests, the file c/t) uses b or c/t.
    let files = [
        (
            vec!["a"],
            "use crate::c::Thing;\n#[cfg(test)]\nmod tests {\n    use crate::b::X;\n}\n",
        ),
        (vec!["b"], "use super::a::Other;\n"),
        (vec!["c"], "mod b;\npub use b::*;\n#[cfg(test)]\nmod t;\n"),
        (vec!["c", "t"], "use crate::c::t::Y;\nuse crate::b::X;\n"),
        (
            vec!["c", "b"],
            "pub struct Thing;\nuse crate::a::{self, Other as O};\n",
        ),
    ];
    let krate = Crate {
        files: files
            .iter()
            .map(|(module, text)| {
                let module: ModulePath = module.iter().map(|s| (*s).to_owned()).collect();
                let name = module.join("/");
                (
                    module,
                    SourceFile {
                        name,
                        text: (*text).to_owned(),
                    },
                )
            })
            .collect(),
    };
    let dependencies = krate.dependencies();
    let c_b = vec!["c".to_owned(), "b".to_owned()];
    assert!(!dependencies.contains_key(&vec!["c".to_owned(), "t".to_owned()]));
    assert_eq!(
        dependencies[&vec!["a".to_owned()]],
        BTreeSet::from([c_b.clone()])
    );
    assert_eq!(circles(&dependencies).len(), 1);
    assert_eq!(
        expand("crate::x::{self, y::{Z as W, V}}"),
        ["crate::x", "crate::x::y::Z", "crate::x::y::V"]
    );
}
