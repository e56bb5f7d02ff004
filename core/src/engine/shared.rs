//! Stored documents through one path: every kind of document the engine keeps by id is
//! described once ([`Kind`]), and loaded, saved and removed by the same three functions.
//! The documents boards share by name (templates, holiday calendars, report definitions:
//! [`Named`]) also get, put, remove and list through one implementation each, which the
//! public operations call; an unknown id is a [`Error::NotFound`] naming the id's field.
//!
//! Adding a shared kind is an `impl Kind` and an `impl Named` here, and four one-line
//! operations on [`Engine`].

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;

use super::Engine;
use crate::documents::calendars::{self, Calendar};
use crate::documents::overrides::{check_iteration_id, OverridesDoc};
use crate::documents::permissions::PermissionsDoc;
use crate::documents::ranges::RangesDoc;
use crate::documents::report_defs::ReportDefDoc;
use crate::documents::templates::{self, TemplateDoc};
use crate::error::{Error, Result};
use crate::storage::docstore::{self, to_json, DocRef};
use crate::storage::store::Storage;

/// One kind of stored document: how callers name one, the storage id that name gives,
/// how its text is read, and its revision.
pub(crate) trait Kind {
    /// The document as parsed (and cached).
    type Doc: Send + Sync + 'static;
    /// What callers name one by: an id, a board and an iteration, or nothing (a single
    /// document).
    type Name<'a>: Copy;
    /// The kind as the index and the storage keys name it.
    const KIND: &'static str;
    /// The storage id of the document `name` names, after checking the name (a malformed
    /// one is a validation error naming its field).
    fn id<'a>(name: Self::Name<'a>) -> Result<Cow<'a, str>>;
    /// Reads a document's text: a stored one, or one a caller sends to be stored.
    fn read<'a>(text: &str, name: Self::Name<'a>) -> Result<Self::Doc>;
    fn revision(doc: &Self::Doc) -> u64;
    fn set_revision(doc: &mut Self::Doc, revision: u64);
    /// The document's JSON, as stored and as returned.
    fn render(doc: &Self::Doc) -> Result<String>;
}

/// A kind of document shared by boards and named by an id of its own.
pub(crate) trait Named: for<'a> Kind<Name<'a> = &'a str> {
    /// The field that holds an id of this kind in requests and errors (`templateId`).
    const ID_FIELD: &'static str;
    /// What people call one, in the not-found message (`holiday calendar`).
    const NOUN: &'static str;
    /// Its id and name, as lists show it.
    fn listed(doc: &Self::Doc) -> Listed;
}

/// One entry of a list of shared documents: `{"id", "name"}`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Listed {
    id: String,
    name: String,
}

pub(crate) struct Templates;
pub(crate) struct Calendars;
pub(crate) struct ReportDefinitions;
pub(crate) struct IterationTeams;
pub(crate) struct Permissions;
pub(crate) struct BoardRanges;

impl Kind for Templates {
    type Doc = TemplateDoc;
    type Name<'a> = &'a str;
    const KIND: &'static str = "template";
    fn id<'a>(id: Self::Name<'a>) -> Result<Cow<'a, str>> {
        templates::check_id(id, Self::ID_FIELD)?;
        Ok(Cow::Borrowed(id))
    }
    fn read<'a>(text: &str, id: Self::Name<'a>) -> Result<TemplateDoc> {
        TemplateDoc::parse(text, id)
    }
    fn revision(doc: &TemplateDoc) -> u64 {
        doc.revision
    }
    fn set_revision(doc: &mut TemplateDoc, revision: u64) {
        doc.revision = revision;
    }
    fn render(doc: &TemplateDoc) -> Result<String> {
        to_json(doc)
    }
}

impl Named for Templates {
    const ID_FIELD: &'static str = "templateId";
    const NOUN: &'static str = "template";
    fn listed(doc: &TemplateDoc) -> Listed {
        Listed { id: doc.id.clone(), name: doc.name.clone() }
    }
}

impl Kind for Calendars {
    type Doc = Calendar;
    type Name<'a> = &'a str;
    const KIND: &'static str = "calendar";
    fn id<'a>(id: Self::Name<'a>) -> Result<Cow<'a, str>> {
        calendars::check_id(id, Self::ID_FIELD)?;
        Ok(Cow::Borrowed(id))
    }
    fn read<'a>(text: &str, id: Self::Name<'a>) -> Result<Calendar> {
        Calendar::parse(text, id)
    }
    fn revision(cal: &Calendar) -> u64 {
        cal.doc.revision
    }
    fn set_revision(cal: &mut Calendar, revision: u64) {
        cal.doc.revision = revision;
    }
    fn render(cal: &Calendar) -> Result<String> {
        to_json(&cal.doc)
    }
}

impl Named for Calendars {
    const ID_FIELD: &'static str = "calendarId";
    const NOUN: &'static str = "holiday calendar";
    fn listed(cal: &Calendar) -> Listed {
        Listed { id: cal.doc.id.clone(), name: cal.doc.name.clone() }
    }
}

impl Kind for ReportDefinitions {
    type Doc = ReportDefDoc;
    type Name<'a> = &'a str;
    const KIND: &'static str = "report";
    fn id<'a>(id: Self::Name<'a>) -> Result<Cow<'a, str>> {
        calendars::check_id(id, Self::ID_FIELD)?;
        Ok(Cow::Borrowed(id))
    }
    fn read<'a>(text: &str, id: Self::Name<'a>) -> Result<ReportDefDoc> {
        ReportDefDoc::parse(text, id)
    }
    fn revision(doc: &ReportDefDoc) -> u64 {
        doc.revision
    }
    fn set_revision(doc: &mut ReportDefDoc, revision: u64) {
        doc.revision = revision;
    }
    fn render(doc: &ReportDefDoc) -> Result<String> {
        to_json(doc)
    }
}

impl Named for ReportDefinitions {
    const ID_FIELD: &'static str = "reportId";
    const NOUN: &'static str = "report";
    fn listed(doc: &ReportDefDoc) -> Listed {
        Listed { id: doc.id.clone(), name: doc.name.clone() }
    }
}

/// Iteration documents are keyed by board and iteration together.
impl Kind for IterationTeams {
    type Doc = OverridesDoc;
    /// (board id, iteration id)
    type Name<'a> = (&'a str, &'a str);
    const KIND: &'static str = "iteration";
    fn id<'a>((board_id, iteration_id): Self::Name<'a>) -> Result<Cow<'a, str>> {
        check_iteration_id(iteration_id, "iterationId")?;
        Ok(Cow::Owned(format!("{board_id}:{iteration_id}")))
    }
    fn read<'a>(text: &str, (board_id, iteration_id): Self::Name<'a>) -> Result<OverridesDoc> {
        OverridesDoc::parse(text, board_id, iteration_id)
    }
    fn revision(doc: &OverridesDoc) -> u64 {
        doc.revision
    }
    fn set_revision(doc: &mut OverridesDoc, revision: u64) {
        doc.revision = revision;
    }
    fn render(doc: &OverridesDoc) -> Result<String> {
        to_json(doc)
    }
}

/// The one permissions document of the instance.
impl Kind for Permissions {
    type Doc = PermissionsDoc;
    type Name<'a> = ();
    const KIND: &'static str = "permissions";
    fn id<'a>((): Self::Name<'a>) -> Result<Cow<'a, str>> {
        Ok(Cow::Borrowed("global"))
    }
    fn read<'a>(text: &str, (): Self::Name<'a>) -> Result<PermissionsDoc> {
        PermissionsDoc::parse(text)
    }
    fn revision(doc: &PermissionsDoc) -> u64 {
        doc.revision
    }
    fn set_revision(doc: &mut PermissionsDoc, revision: u64) {
        doc.revision = revision;
    }
    fn render(doc: &PermissionsDoc) -> Result<String> {
        to_json(doc)
    }
}

/// A Kanban board's saved date ranges, one document per board.
impl Kind for BoardRanges {
    type Doc = RangesDoc;
    /// The board id.
    type Name<'a> = &'a str;
    const KIND: &'static str = "ranges";
    fn id<'a>(board_id: Self::Name<'a>) -> Result<Cow<'a, str>> {
        crate::documents::ids::BOARD_ID.check(board_id, "boardId")?;
        Ok(Cow::Borrowed(board_id))
    }
    fn read<'a>(text: &str, board_id: Self::Name<'a>) -> Result<RangesDoc> {
        RangesDoc::parse(text, board_id)
    }
    fn revision(doc: &RangesDoc) -> u64 {
        doc.revision
    }
    fn set_revision(doc: &mut RangesDoc, revision: u64) {
        doc.revision = revision;
    }
    fn render(doc: &RangesDoc) -> Result<String> {
        to_json(doc)
    }
}

impl Engine {
    /// The document `name` names, or `None` when none is stored.
    pub(crate) fn load_doc<K: Kind>(&self, storage: &mut dyn Storage, name: K::Name<'_>) -> Result<Option<Arc<K::Doc>>> {
        let id = K::id(name)?;
        let key = DocRef { kind: K::KIND, id: &id }.key();
        docstore::load(storage, self.cache(), &key, |t| K::read(t, name))
    }

    /// Stores `doc`, read by the caller at its revision, as the document `name` names;
    /// `current` reads the revision stored now (`None`: nothing is). A stale revision is a
    /// conflict and nothing is written. Returns the stored text.
    pub(crate) fn save_doc<K: Kind>(
        &self,
        storage: &mut dyn Storage,
        name: K::Name<'_>,
        mut doc: K::Doc,
        current: impl FnOnce(&mut dyn Storage) -> Result<Option<u64>>,
    ) -> Result<String> {
        let id = K::id(name)?;
        let expected = K::revision(&doc);
        docstore::save(storage, self.cache(), DocRef { kind: K::KIND, id: &id }, expected, |s, _| current(s), |revision| {
            K::set_revision(&mut doc, revision);
            K::render(&doc)
        })
    }

    /// Removes the document `name` names (none stored is not an error).
    pub(crate) fn remove_doc<K: Kind>(&self, storage: &mut dyn Storage, name: K::Name<'_>) -> Result<()> {
        let id = K::id(name)?;
        docstore::remove(storage, self.cache(), DocRef { kind: K::KIND, id: &id })
    }

    /// The ids of every stored document of `kind`, as the index lists them.
    pub(crate) fn index_ids(&self, storage: &mut dyn Storage, kind: &str) -> Result<Vec<String>> {
        let index = docstore::load_index(storage, self.cache())?;
        Ok(index.documents.get(kind).map(|ids| ids.iter().cloned().collect()).unwrap_or_default())
    }

    /// The shared document `id`, or a not-found error naming [`Named::ID_FIELD`].
    pub(crate) fn find_named<K: Named>(&self, storage: &mut dyn Storage, id: &str) -> Result<Arc<K::Doc>> {
        self.load_doc::<K>(storage, id)?.ok_or_else(|| Error::not_found(K::ID_FIELD, format!("there is no {} {id:?}", K::NOUN)))
    }

    fn get_named<K: Named>(&self, storage: &mut dyn Storage, id: &str) -> Result<String> {
        K::render(&*self.find_named::<K>(storage, id)?)
    }

    fn put_named<K: Named>(&self, storage: &mut dyn Storage, id: &str, json: &str) -> Result<String> {
        let doc = K::read(json, id)?;
        self.save_doc::<K>(storage, id, doc, |s| Ok(self.load_doc::<K>(s, id)?.map(|d| K::revision(&d))))
    }

    fn list_named<K: Named>(&self, storage: &mut dyn Storage) -> Result<String> {
        let mut out = Vec::new();
        for id in self.index_ids(storage, K::KIND)? {
            if let Some(doc) = self.load_doc::<K>(storage, &id)? {
                out.push(K::listed(&doc));
            }
        }
        to_json(&out)
    }

    /// A template, or a not-found error naming `templateId` when there is none.
    pub fn get_template(&self, storage: &mut dyn Storage, id: &str) -> Result<String> {
        self.get_named::<Templates>(storage, id)
    }

    /// Validates and stores a template against the revision read.
    pub fn put_template(&self, storage: &mut dyn Storage, id: &str, json: &str) -> Result<String> {
        self.put_named::<Templates>(storage, id, json)
    }

    pub fn remove_template(&self, storage: &mut dyn Storage, id: &str) -> Result<()> {
        self.remove_doc::<Templates>(storage, id)
    }

    /// Every template's id and name: `[{"id","name"}]`.
    pub fn list_templates(&self, storage: &mut dyn Storage) -> Result<String> {
        self.list_named::<Templates>(storage)
    }

    /// A holiday calendar, or a not-found error naming `calendarId` when there is none.
    pub fn get_calendar(&self, storage: &mut dyn Storage, id: &str) -> Result<String> {
        self.get_named::<Calendars>(storage, id)
    }

    pub fn put_calendar(&self, storage: &mut dyn Storage, id: &str, json: &str) -> Result<String> {
        self.put_named::<Calendars>(storage, id, json)
    }

    pub fn remove_calendar(&self, storage: &mut dyn Storage, id: &str) -> Result<()> {
        self.remove_doc::<Calendars>(storage, id)
    }

    pub fn list_calendars(&self, storage: &mut dyn Storage) -> Result<String> {
        self.list_named::<Calendars>(storage)
    }

    /// A report definition, or a not-found error naming `reportId` when there is none.
    pub fn get_report_definition(&self, storage: &mut dyn Storage, id: &str) -> Result<String> {
        self.get_named::<ReportDefinitions>(storage, id)
    }

    pub fn put_report_definition(&self, storage: &mut dyn Storage, id: &str, json: &str) -> Result<String> {
        self.put_named::<ReportDefinitions>(storage, id, json)
    }

    pub fn remove_report_definition(&self, storage: &mut dyn Storage, id: &str) -> Result<()> {
        self.remove_doc::<ReportDefinitions>(storage, id)
    }

    pub fn list_report_definitions(&self, storage: &mut dyn Storage) -> Result<String> {
        self.list_named::<ReportDefinitions>(storage)
    }
}
