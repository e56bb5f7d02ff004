//! The input format every target reads: setup lines, `---`, arguments.

use crate::harness::{Harness, Op};

/// An input as the targets read it: optional setup lines, a line `---`, then the target
/// operation's arguments, one a line, the last taking the rest of the input (so a
/// pretty-printed document works too). Without a `---` line the whole input is arguments.
pub struct Script<'a> {
    pub setup: Vec<&'a [u8]>,
    pub args: Vec<&'a [u8]>,
}

impl<'a> Script<'a> {
    pub fn parse(data: &'a [u8], arity: usize) -> Script<'a> {
        let mut setup = Vec::new();
        let mut rest = data;
        let mut offset = 0;
        for line in data.split(|b| *b == b'\n') {
            if line == b"---" {
                setup = data[..offset].split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
                rest = data.get(offset + line.len() + 1..).unwrap_or(&[]);
                break;
            }
            offset += line.len() + 1;
        }
        let mut args: Vec<&[u8]> = if arity == 0 { Vec::new() } else { rest.splitn(arity, |b| *b == b'\n').collect() };
        args.resize(arity, &[]);
        Script { setup, args }
    }

    /// Stores the setup documents: lines `<kind> <id> <document>` with kind `board`,
    /// `daysoff`, `iteration` (id `<boardId>:<iterationId>`), `template`, `calendar`,
    /// `report` or `permissions` (any id), or `apply` and `copy` (any id) whose document is
    /// an `apply_template` or `copy_iteration_team` request. Each is a checked call; the
    /// engine refusing one is fine.
    pub fn apply_setup(&self, harness: &mut Harness) {
        for line in self.setup.iter().take(16) {
            let mut parts = line.splitn(3, |b| *b == b' ');
            let (Some(kind), Some(id), Some(doc)) = (parts.next(), parts.next(), parts.next()) else { continue };
            match kind {
                b"board" => harness.run_put(Op::PutBoardSettings, &[id, doc]),
                b"daysoff" => harness.run_put(Op::PutDaysOff, &[id, doc]),
                b"iteration" => {
                    let mut ids = id.splitn(2, |b| *b == b':');
                    let (board, iteration) = (ids.next().unwrap_or(&[]), ids.next().unwrap_or(&[]));
                    harness.run_put(Op::PutIterationTeam, &[board, iteration, doc])
                }
                b"template" => harness.run_put(Op::PutTemplate, &[id, doc]),
                b"calendar" => harness.run_put(Op::PutCalendar, &[id, doc]),
                b"report" => harness.run_put(Op::PutReportDefinition, &[id, doc]),
                b"permissions" => harness.run_put(Op::PutPermissions, &[doc]),
                b"apply" => harness.run(Op::ApplyTemplate, &[doc]),
                b"copy" => harness.run(Op::CopyIterationTeam, &[doc]),
                _ => continue,
            };
        }
    }
}
