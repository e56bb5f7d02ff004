//! Permissions: the one document that says who may read and write what, and the question
//! every REST call asks of it.

use std::sync::Arc;

use super::shared::Permissions;
use super::Engine;
use crate::documents::permissions::{AccessAction, AccessQuery, PermissionsDoc};
use crate::error::{Error, Result};
use crate::storage::docstore::to_json;
use crate::storage::store::Storage;

impl Engine {
    pub(crate) fn load_permissions(&self, storage: &mut dyn Storage) -> Result<Arc<PermissionsDoc>> {
        Ok(self.load_doc::<Permissions>(storage, ())?.unwrap_or_default())
    }

    /// The permissions document (disabled, at revision 0, until an admin stores one).
    pub fn get_permissions(&self, storage: &mut dyn Storage) -> Result<String> {
        to_json(&*self.load_permissions(storage)?)
    }

    pub fn put_permissions(&self, storage: &mut dyn Storage, json: &str) -> Result<String> {
        let doc = PermissionsDoc::parse(json)?;
        self.save_doc::<Permissions>(storage, (), doc, |s| Ok(Some(self.load_permissions(s)?.revision).filter(|r| *r > 0)))
    }

    /// Answers an access question against the stored permissions:
    /// `{"user", "groups", "admin", "action", "boardId"}` → `{"allowed", "reason"}`.
    pub fn check_access(&self, storage: &mut dyn Storage, query_json: &str) -> Result<String> {
        let query: AccessQuery = crate::documents::json::parse(query_json, "")?;
        let permissions = self.load_permissions(storage)?;
        let mut on_board = false;
        if matches!(query.action, AccessAction::ReadDaysOff | AccessAction::WriteDaysOff) {
            let Some(person) = query.account_key.as_deref() else {
                return Err(Error::validation("accountKey", "the days-off actions need the person's account key"));
            };
            crate::documents::settings::check_account_key(person, "accountKey")?;
            // Only asked when it can matter: the board's members decide.
            if permissions.enabled && !query.admin && person != query.user {
                if let Some(board_id) = query.board_id.as_deref() {
                    on_board = self.load_board(storage, board_id).map_err(|e| match e {
                        Error::Validation { message, .. } => Error::validation("boardId", message),
                        other => other,
                    })?.members.iter().any(|m| m.account_key == person);
                }
            }
        }
        to_json(&permissions.check(&query, on_board))
    }
}
