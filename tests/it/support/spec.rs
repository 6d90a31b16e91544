//! Checks request bodies against Discord's own OpenAPI description, so a
//! body Discord would refuse with 400 / 50035 fails the test here.
//!
//! The document is read once per test process from `$DISCORD_OPENAPI`, else
//! from `shared/discord-api-spec/openapi.json` beside the project (looked for
//! in the parent folders of `CARGO_MANIFEST_DIR`). Without it validation is
//! skipped, and that is said once on stderr.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::Validator;
use serde_json::{Value, json};

/// A request body that breaks Discord's schema for its route.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    pub method: String,
    /// The route as requested, e.g. `/interactions/5/tok/callback`.
    pub route: String,
    /// The spec's templated path it matched.
    pub template: String,
    /// JSON pointer into the body, e.g. `/data/components/0/components/0/label`.
    pub json_path: String,
    pub message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} (spec {}) at {:?}: {}",
            self.method, self.route, self.template, self.json_path, self.message
        )
    }
}

/// Discord's OpenAPI document, with a cache of compiled schemas.
pub struct Spec {
    paths: serde_json::Map<String, Value>,
    /// The document's `components`, with `SnowflakeType` widened.
    components: Value,
    templates: Vec<(String, Vec<String>)>,
    compiled: Mutex<HashMap<String, Arc<Validator>>>,
}

/// The loaded document, or `None` (said once) when it is absent.
pub fn spec() -> Option<&'static Spec> {
    static SPEC: OnceLock<Option<Spec>> = OnceLock::new();
    SPEC.get_or_init(load).as_ref()
}

fn spec_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DISCORD_OPENAPI") {
        return Some(PathBuf::from(path));
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .skip(1)
        .map(|folder| folder.join("shared/discord-api-spec/openapi.json"))
        .find(|candidate| candidate.is_file())
}

fn load() -> Option<Spec> {
    let Some(path) = spec_path() else {
        say_skipped(
            "no openapi.json found (set DISCORD_OPENAPI or put shared/discord-api-spec/ \
             beside the project)",
        );
        return None;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            say_skipped(&format!("cannot read {}: {error}", path.display()));
            return None;
        }
    };
    let mut document: Value = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{} is not JSON: {error}", path.display()));
    let mut paths = document["paths"].take();
    let mut components = document["components"].take();
    // serenity sends new attachment ids as integers, which Discord accepts.
    components["schemas"]["SnowflakeType"] = json!({
        "type": ["string", "integer"],
        "pattern": "^(0|[1-9][0-9]*)$",
        "minimum": 0,
    });
    let schemas = components["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    simplify_unions(&mut components, &schemas);
    simplify_unions(&mut paths, &schemas);
    let paths = paths.as_object().cloned().unwrap_or_default();
    let templates = paths
        .keys()
        .map(|template| (template.clone(), segments(template)))
        .collect();
    Some(Spec {
        paths,
        components,
        templates,
        compiled: Mutex::new(HashMap::new()),
    })
}

/// Says, once and past libtest's output capture, that bodies go unchecked.
fn say_skipped(reason: &str) {
    use std::io::Write;
    let note = format!(
        "fake Discord: {reason}; request bodies are NOT checked against Discord's schema\n"
    );
    // Best effort: a note that cannot be written changes no test's outcome.
    let _ = std::io::stderr().write_all(note.as_bytes());
}

/// Rewrites unions so errors point at the field at fault: jsonschema only
/// says "not valid under any of the schemas" for a failed `oneOf` / `anyOf`.
/// A nullable union becomes `if null / else`, and a union whose members are
/// told apart by their `type` enum becomes one `if type / then` per member.
/// Both accept exactly what the union accepts.
fn simplify_unions(node: &mut Value, schemas: &serde_json::Map<String, Value>) {
    match node {
        Value::Object(object) => {
            for keyword in ["oneOf", "anyOf"] {
                let simpler = object
                    .get(keyword)
                    .and_then(Value::as_array)
                    .and_then(|alternatives| simplify_union(alternatives, schemas));
                if let Some(simpler) = simpler {
                    object.remove(keyword);
                    let all_of = object.entry("allOf").or_insert_with(|| json!([]));
                    if let Some(all_of) = all_of.as_array_mut() {
                        all_of.push(simpler);
                    }
                }
            }
            object
                .values_mut()
                .for_each(|child| simplify_unions(child, schemas));
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| simplify_unions(item, schemas)),
        _ => {}
    }
}

fn simplify_union(
    alternatives: &[Value],
    schemas: &serde_json::Map<String, Value>,
) -> Option<Value> {
    let null = json!({"type": "null"});
    let nullable = alternatives.contains(&null);
    let others: Vec<&Value> = alternatives.iter().filter(|a| **a != null).collect();
    let inner = match others.as_slice() {
        [] => return None,
        [only] => (*only).clone(),
        many => match tagged_union(many, schemas) {
            Some(tagged) => tagged,
            None if nullable => json!({ "anyOf": many }),
            None => return None,
        },
    };
    Some(if nullable {
        json!({"if": {"type": "null"}, "else": inner})
    } else {
        inner
    })
}

fn tagged_union(
    alternatives: &[&Value],
    schemas: &serde_json::Map<String, Value>,
) -> Option<Value> {
    let mut seen: Vec<Value> = Vec::new();
    let mut branches = Vec::new();
    for alternative in alternatives {
        let resolved = match alternative["$ref"].as_str() {
            Some(reference) => schemas.get(reference.strip_prefix("#/components/schemas/")?)?,
            None => alternative,
        };
        let kinds = resolved["properties"]["type"]["enum"].as_array()?;
        if kinds.iter().any(|kind| seen.contains(kind)) {
            return None;
        }
        seen.extend(kinds.iter().cloned());
        branches.push(json!({
            "if": {"properties": {"type": {"enum": kinds}}, "required": ["type"]},
            "then": alternative,
        }));
    }
    branches.push(json!({"properties": {"type": {"enum": seen}}, "required": ["type"]}));
    Some(json!({ "allOf": branches }))
}

fn segments(path: &str) -> Vec<String> {
    path.trim_matches('/')
        .split('/')
        .map(str::to_owned)
        .collect()
}

impl Spec {
    /// The spec path matching a concrete route; literal segments beat
    /// parameters (`messages/@original` over `messages/{message_id}`).
    pub fn template_for(&self, route: &str) -> Option<&str> {
        let route = segments(route);
        self.templates
            .iter()
            .filter(|(_, parts)| {
                parts.len() == route.len()
                    && parts
                        .iter()
                        .zip(&route)
                        .all(|(part, actual)| part.starts_with('{') || part == actual)
            })
            .max_by_key(|(_, parts)| parts.iter().filter(|p| !p.starts_with('{')).count())
            .map(|(template, _)| template.as_str())
    }

    /// Validates one JSON body (or a multipart `payload_json`) sent to a route.
    pub fn validate(&self, method: &str, route: &str, body: &Value) -> Vec<Violation> {
        let Some(template) = self.template_for(route) else {
            return Vec::new();
        };
        let schema = &self.paths[template][method.to_lowercase()]["requestBody"]["content"]["application/json"]
            ["schema"];
        if schema.is_null() {
            return Vec::new();
        }
        let violation = |json_path: String, message: String| Violation {
            method: method.to_owned(),
            route: route.to_owned(),
            template: template.to_owned(),
            json_path,
            message,
        };
        let report = |errors: Vec<(String, String)>, note: &str| -> Vec<Violation> {
            errors
                .into_iter()
                .map(|(path, message)| violation(path, format!("{message}{note}")))
                .collect()
        };
        let whole = self.errors(&format!("{method} {template}"), schema, body);
        let alternatives = schema["anyOf"].as_array().cloned().unwrap_or_default();
        if whole.is_empty() || alternatives.is_empty() {
            return report(whole, "");
        }
        // An untagged union none of whose members fits: report the closest.
        let closest = alternatives
            .iter()
            .enumerate()
            .map(|(index, alternative)| {
                let key = format!("{method} {template} {index}");
                (alternative, self.errors(&key, alternative, body))
            })
            .min_by_key(|(_, errors)| errors.len());
        match closest {
            Some((alternative, errors)) => {
                let name = alternative["$ref"].as_str().unwrap_or("?");
                let name = name.rsplit('/').next().unwrap_or(name);
                report(errors, &format!(" (closest schema: {name})"))
            }
            None => report(whole, ""),
        }
    }

    fn errors(&self, key: &str, schema: &Value, body: &Value) -> Vec<(String, String)> {
        let validator = self.compiled(key, schema);
        validator
            .iter_errors(body)
            .map(|error| (error.instance_path.to_string(), error.to_string()))
            .collect()
    }

    fn compiled(&self, key: &str, schema: &Value) -> Arc<Validator> {
        let mut cache = self
            .compiled
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(validator) = cache.get(key) {
            return Arc::clone(validator);
        }
        let mut root = schema.clone();
        if !root.is_object() {
            root = json!({ "allOf": [root] });
        }
        root["components"] = self.components.clone();
        let validator = jsonschema::draft202012::new(&root)
            .unwrap_or_else(|error| panic!("schema for {key} does not compile: {error}"));
        let validator = Arc::new(validator);
        cache.insert(key.to_owned(), Arc::clone(&validator));
        validator
    }
}
