//! Export of every stored document to one JSON file, and import of it: the backup path and
//! the way to move settings between instances.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::storage::docstore::{self, to_json};
use super::shared::{Templates, Calendars, ReportDefinitions};
use super::Engine;
use crate::error::{Error, Result};
use crate::storage::store::Storage;

pub const FORMAT: &str = "capacity-tracker-export";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Export {
    format: String,
    format_version: u32,
    #[serde(default)]
    engine_version: String,
    documents: Vec<Entry>,
}

#[derive(Serialize, Deserialize, Clone)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Entry {
    kind: String,
    id: String,
    document: Value,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ImportRequest {
    mode: Mode,
    export: Export,
}

#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "camelCase")]
enum Mode {
    /// Only into storage that holds no document yet.
    Empty,
    /// Add what is missing; report what differs and leave it.
    Merge,
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct ImportResult {
    written: Vec<String>,
    unchanged: Vec<String>,
    conflicts: Vec<Conflict>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Conflict {
    document: String,
    reason: String,
}

fn without_revision(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("revision");
    }
    v
}

impl Engine {
    /// The current document of `kind`/`id` as JSON text (`None` when not stored).
    fn current(&self, storage: &mut dyn Storage, kind: &str, id: &str) -> Result<Option<String>> {
        Ok(match kind {
            "board" => Some(self.get_board_settings(storage, id)?),
            "daysoff" => Some(self.get_days_off(storage, id)?),
            "iteration" => {
                let (b, i) = id.split_once(':').ok_or_else(|| Error::validation("id", format!("an iteration id is <boardId>:<iterationId>, got {id:?}")))?;
                Some(self.get_iteration_team(storage, b, i)?)
            }
            "template" => self.load_doc::<Templates>(storage, id)?.map(|t| to_json(&*t)).transpose()?,
            "calendar" => self.load_doc::<Calendars>(storage, id)?.map(|c| to_json(&c.doc)).transpose()?,
            "report" => self.load_doc::<ReportDefinitions>(storage, id)?.map(|d| to_json(&*d)).transpose()?,
            "permissions" => Some(self.get_permissions(storage)?),
            "ranges" => Some(self.get_board_ranges(storage, id)?),
            other => return Err(Error::validation("kind", format!("unknown document kind {other:?}"))),
        }
        .filter(|t| serde_json::from_str::<Value>(t).is_ok_and(|v| v["revision"].as_u64().unwrap_or(0) > 0)))
    }

    /// Writes `document` as the first version of `kind`/`id`.
    fn create(&self, storage: &mut dyn Storage, kind: &str, id: &str, mut document: Value) -> Result<String> {
        document["revision"] = 0.into();
        let text = document.to_string();
        match kind {
            "board" => self.put_board_settings(storage, id, &text),
            "daysoff" => self.put_days_off(storage, id, &text),
            "iteration" => {
                let (b, i) = id.split_once(':').ok_or_else(|| Error::validation("id", format!("an iteration id is <boardId>:<iterationId>, got {id:?}")))?;
                self.put_iteration_team(storage, b, i, &text)
            }
            "template" => self.put_template(storage, id, &text),
            "calendar" => self.put_calendar(storage, id, &text),
            "report" => self.put_report_definition(storage, id, &text),
            "permissions" => self.put_permissions(storage, &text),
            "ranges" => self.put_board_ranges(storage, id, &text),
            other => Err(Error::validation("kind", format!("unknown document kind {other:?}"))),
        }
    }

    /// Every stored document as one JSON export.
    pub fn export_all(&self, storage: &mut dyn Storage) -> Result<String> {
        let index = docstore::load_index(storage, self.cache())?;
        let mut documents = Vec::new();
        for (kind, ids) in &index.documents {
            for id in ids {
                if let Some(text) = self.current(storage, kind, id)? {
                    let document = serde_json::from_str(&text).map_err(|e| Error::panic(e.to_string()))?;
                    documents.push(Entry { kind: kind.clone(), id: id.clone(), document });
                }
            }
        }
        to_json(&Export { format: FORMAT.into(), format_version: FORMAT_VERSION, engine_version: super::VERSION.into(), documents })
    }

    /// Imports an export: `{"mode": "empty" | "merge", "export": {...}}`. Every document is
    /// validated before anything is written; `empty` refuses storage that holds documents;
    /// `merge` writes what is missing and reports documents that differ, leaving them.
    pub fn import_all(&self, storage: &mut dyn Storage, request_json: &str) -> Result<String> {
        let req: ImportRequest = crate::documents::json::parse(request_json, "")?;
        if req.export.format != FORMAT {
            return Err(Error::validation("export.format", format!("expected {FORMAT:?}, got {:?}", req.export.format)));
        }
        if req.export.format_version != FORMAT_VERSION {
            return Err(Error::validation("export.formatVersion", format!("this engine imports version {FORMAT_VERSION}, got {}", req.export.format_version)));
        }
        // Validate everything first, in scratch storage, so bad input writes nothing.
        let scratch_engine = Engine::new();
        let mut scratch = crate::storage::store::MemoryStorage::default();
        for (i, e) in req.export.documents.iter().enumerate() {
            if !docstore::KINDS.contains(&e.kind.as_str()) {
                return Err(Error::validation(format!("export.documents[{i}].kind"), format!("unknown document kind {:?}", e.kind)));
            }
            scratch_engine.create(&mut scratch, &e.kind, &e.id, e.document.clone()).map_err(|err| match err {
                Error::Validation { field, message } => {
                    Error::Validation { field: format!("export.documents[{i}].document{}{field}", if field.is_empty() || field.starts_with('[') { "" } else { "." }), message }
                }
                Error::Conflict { .. } => Error::validation(format!("export.documents[{i}].id"), format!("{} {:?} appears more than once", e.kind, e.id)),
                other => other,
            })?;
        }
        if req.mode == Mode::Empty {
            let index = docstore::load_index(storage, self.cache())?;
            let stored: usize = index.documents.values().map(|ids| ids.len()).sum();
            if stored > 0 {
                return Err(Error::validation("mode", format!("storage already holds {stored} documents; import with mode \"merge\", or into an empty instance")));
            }
        }
        let mut result = ImportResult::default();
        // Boards before what refers to them (iteration teams need their board).
        let mut entries = req.export.documents.clone();
        entries.sort_by_key(|e| docstore::KINDS.iter().position(|k| *k == e.kind));
        for e in entries {
            let name = format!("{}:{}", e.kind, e.id);
            match self.current(storage, &e.kind, &e.id)? {
                None => {
                    self.create(storage, &e.kind, &e.id, e.document)?;
                    result.written.push(name);
                }
                Some(text) => {
                    let current: Value = serde_json::from_str(&text).map_err(|er| Error::panic(er.to_string()))?;
                    // Compare normalised forms: the import as the engine would store it.
                    let mut normal = crate::storage::store::MemoryStorage::default();
                    let normalised: Value = serde_json::from_str(&Engine::new().create(&mut normal, &e.kind, &e.id, e.document)?).map_err(|er| Error::panic(er.to_string()))?;
                    if without_revision(current) == without_revision(normalised) {
                        result.unchanged.push(name);
                    } else {
                        result.conflicts.push(Conflict { document: name, reason: "a different version is stored; it was left as it is".into() });
                    }
                }
            }
        }
        to_json(&result)
    }
}
