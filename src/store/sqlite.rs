//! Progress on disk, in SQLite: WAL, full sync, every answer committed in its own
//! transaction; versioned migrations; a damaged file moved aside, never lost or reused.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};

use super::{
    AgeBand, Attempt, Figures, Forgotten, HelpCall, Learner, LearnerRow, LessonEnd, LessonRecord,
    Note, Place, Progress, RunKind, Sound, Store, StoreError, Write, new_code, next_record,
};
use crate::mastery::Leitner;

/// Each migration takes the database from the version before it to its own number.
/// Never edit one that has shipped: add the next.
const MIGRATIONS: &[(i64, &str)] = &[
    (
        1,
        "CREATE TABLE learners (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            learner TEXT NOT NULL REFERENCES learners(code) ON DELETE CASCADE,
            kiosk TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            assisted INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            learner TEXT NOT NULL REFERENCES learners(code) ON DELETE CASCADE,
            session INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            lesson TEXT NOT NULL,
            step TEXT NOT NULL,
            at INTEGER NOT NULL,
            answer TEXT NOT NULL,
            right INTEGER NOT NULL,
            first_try INTEGER NOT NULL,
            hint_used INTEGER NOT NULL,
            assisted INTEGER NOT NULL,
            millis INTEGER NOT NULL
        );
        CREATE INDEX attempts_by_learner ON attempts (learner, id);
        CREATE INDEX sessions_by_learner ON sessions (learner, id);
        CREATE TABLE lesson_state (
            learner TEXT NOT NULL REFERENCES learners(code) ON DELETE CASCADE,
            lesson TEXT NOT NULL,
            box INTEGER,
            next_review INTEGER,
            mastered_at INTEGER,
            PRIMARY KEY (learner, lesson)
        ) WITHOUT ROWID;
        CREATE TABLE needs_help (
            id INTEGER PRIMARY KEY,
            learner TEXT NOT NULL REFERENCES learners(code) ON DELETE CASCADE,
            lesson TEXT NOT NULL,
            step TEXT NOT NULL,
            at INTEGER NOT NULL,
            resolved_at INTEGER
        );",
    ),
    (
        2,
        "ALTER TABLE learners ADD COLUMN age_band TEXT;
        CREATE TABLE places (
            learner TEXT PRIMARY KEY REFERENCES learners(code) ON DELETE CASCADE,
            lesson TEXT NOT NULL,
            kind TEXT NOT NULL,
            plan TEXT NOT NULL,
            step TEXT NOT NULL,
                        at INTEGER NOT NULL
        );",
    ),
    (
        3,
        "ALTER TABLE learners ADD COLUMN narration INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE learners ADD COLUMN volume INTEGER NOT NULL DEFAULT 100;",
    ),
    (
        4,
        "CREATE TABLE lesson_events (
            id INTEGER PRIMARY KEY,
            learner TEXT NOT NULL REFERENCES learners(code) ON DELETE CASCADE,
            lesson TEXT NOT NULL,
            outcome TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX lesson_events_by_time ON lesson_events (at);
        CREATE INDEX attempts_by_time ON attempts (at);
        CREATE INDEX sessions_by_time ON sessions (started_at);
        CREATE INDEX needs_help_by_time ON needs_help (at);
        CREATE TABLE resets (
            id INTEGER PRIMARY KEY,
            learner TEXT NOT NULL REFERENCES learners(code) ON DELETE CASCADE,
            lesson TEXT,
            after_attempt INTEGER NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            learner TEXT NOT NULL REFERENCES learners(code) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE TABLE kiosk_secrets (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;",
    ),
    (
        // What the ward's report reads, kept up to date as answers and lesson ends come
        // in, so that a report over millions of answers never reads them one by one.
        // Days are days in Vietnam (UTC+7), counted from 1970-01-01. The counts per day
        // (`step_days`, `lesson_days`) are anonymous: erasing a learner leaves them.
        5,
        "CREATE TABLE step_days (
            day INTEGER NOT NULL,
            lesson TEXT NOT NULL,
            step TEXT NOT NULL,
            answers INTEGER NOT NULL,
            assisted INTEGER NOT NULL,
            first_tries INTEGER NOT NULL,
            first_right INTEGER NOT NULL,
            PRIMARY KEY (day, lesson, step)
        ) WITHOUT ROWID;
        INSERT INTO step_days
            SELECT (at + 25200) / 86400, lesson, step, count(*), sum(assisted),
                   sum(first_try AND NOT assisted), sum(first_try AND right AND NOT assisted)
            FROM attempts GROUP BY 1, 2, 3;
        CREATE TABLE lesson_starts (
            learner TEXT NOT NULL REFERENCES learners(code) ON DELETE CASCADE,
            lesson TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (learner, lesson)
        ) WITHOUT ROWID;
        INSERT INTO lesson_starts SELECT learner, lesson, min(at) FROM attempts GROUP BY 1, 2;
        CREATE TABLE lesson_days (
            day INTEGER NOT NULL,
            lesson TEXT NOT NULL,
            outcome TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (day, lesson, outcome)
        ) WITHOUT ROWID;
        INSERT INTO lesson_days
            SELECT (at + 25200) / 86400, lesson, outcome, count(*) FROM lesson_events GROUP BY 1, 2, 3;
        INSERT INTO lesson_days
            SELECT (at + 25200) / 86400, lesson, 'started', count(*) FROM lesson_starts GROUP BY 1, 2;
        CREATE TRIGGER lesson_events_counted AFTER INSERT ON lesson_events BEGIN
            INSERT INTO lesson_days (day, lesson, outcome, count)
            VALUES ((NEW.at + 25200) / 86400, NEW.lesson, NEW.outcome, 1)
            ON CONFLICT (day, lesson, outcome) DO UPDATE SET count = count + 1;
        END;
        CREATE TRIGGER lesson_starts_counted AFTER INSERT ON lesson_starts BEGIN
            INSERT INTO lesson_days (day, lesson, outcome, count)
            VALUES ((NEW.at + 25200) / 86400, NEW.lesson, 'started', 1)
            ON CONFLICT (day, lesson, outcome) DO UPDATE SET count = count + 1;
        END;
        CREATE TRIGGER attempts_counted AFTER INSERT ON attempts BEGIN
            INSERT INTO step_days (day, lesson, step, answers, assisted, first_tries, first_right)
            VALUES ((NEW.at + 25200) / 86400, NEW.lesson, NEW.step, 1, NEW.assisted,
                    NEW.first_try AND NOT NEW.assisted,
                    NEW.first_try AND NEW.right AND NOT NEW.assisted)
            ON CONFLICT (day, lesson, step) DO UPDATE SET
                answers = answers + 1,
                assisted = assisted + excluded.assisted,
                first_tries = first_tries + excluded.first_tries,
                first_right = first_right + excluded.first_right;
            INSERT INTO lesson_starts (learner, lesson, at) VALUES (NEW.learner, NEW.lesson, NEW.at)
            ON CONFLICT (learner, lesson) DO NOTHING;
        END;
        DROP INDEX sessions_by_time;
        CREATE INDEX sessions_by_time ON sessions (started_at, learner);
        DROP INDEX lesson_events_by_time;
        CREATE INDEX lesson_events_by_time ON lesson_events (at, outcome, lesson, learner);",
    ),
    (
        // The journal's writes already carried out, by id: a write replayed after a crash
        // (saved, but the journal not yet cleared) is not saved twice.
        6,
        "CREATE TABLE saved_writes (
            id TEXT PRIMARY KEY,
            at INTEGER NOT NULL
        ) WITHOUT ROWID;",
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 6;

pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

/// An opened store, and where a damaged file was moved, if it was.
pub struct Opened {
    pub store: SqliteStore,
    pub moved_aside: Option<PathBuf>,
}

pub(super) fn map_err(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
        Some(ErrorCode::DiskFull) => StoreError::Full,
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
            StoreError::Corrupt(e.to_string())
        }
        Some(ErrorCode::SystemIoFailure | ErrorCode::CannotOpen) => StoreError::Io(e.to_string()),
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
            StoreError::ReadOnly(e.to_string())
        }
        _ => StoreError::Other(e.to_string()),
    }
}

/// The database's own file and the two SQLite keeps beside it.
fn files_of(path: &Path) -> [PathBuf; 3] {
    ["", "-wal", "-shm"].map(|suffix| PathBuf::from(format!("{}{suffix}", path.display())))
}

/// Refuses a database, or a file beside it, that is a symbolic link (hocso would write
/// wherever it points), and one this user cannot write, naming its owner and the fix.
fn refuse_unsafe(path: &Path) -> Result<(), StoreError> {
    for file in files_of(path) {
        match std::fs::symlink_metadata(&file) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(StoreError::Unsafe(format!(
                    "{} is a symbolic link; hocso keeps learners' progress only in a plain file (remove the link)",
                    file.display()
                )));
            }
            Ok(meta) if !meta.is_file() => {
                return Err(StoreError::Unsafe(format!(
                    "{} is not a plain file",
                    file.display()
                )));
            }
            Ok(meta) => not_writable(&file, &meta)?,
            Err(_) => {}
        }
    }
    // SQLite makes its two files beside the database: the folder must take them.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(meta) = std::fs::metadata(dir)
    {
        not_writable(dir, &meta)?;
    }
    Ok(())
}

/// An error naming its owner and the fix if `path` is there and this user cannot write it.
pub fn check_writable(path: &Path) -> Result<(), StoreError> {
    match std::fs::metadata(path) {
        Ok(meta) => not_writable(path, &meta),
        Err(_) => Ok(()),
    }
}

#[cfg(unix)]
fn not_writable(file: &Path, meta: &std::fs::Metadata) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    if rustix::fs::access(file, rustix::fs::Access::WRITE_OK).is_ok() {
        return Ok(());
    }
    let owner = user_name(meta.uid()).unwrap_or_else(|| meta.uid().to_string());
    let me =
        user_name(rustix::process::getuid().as_raw()).unwrap_or_else(|| "this user".to_owned());
    let folder = if meta.is_dir() {
        file
    } else {
        file.parent().unwrap_or(file)
    };
    Err(StoreError::NotWritable {
        path: file.to_owned(),
        owner,
        user: me,
        folder: folder.to_owned(),
    })
}

/// The name of user `uid`, from /etc/passwd.
#[cfg(unix)]
fn user_name(uid: u32) -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id: u32 = fields.nth(1)?.parse().ok()?;
        (id == uid).then(|| name.to_owned())
    })
}

#[cfg(not(unix))]
fn not_writable(_file: &Path, _meta: &std::fs::Metadata) -> Result<(), StoreError> {
    Ok(())
}

impl SqliteStore {
    /// Opens (or creates) the database at `path`, migrating it to the current schema.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Other(format!("{}: {e}", dir.display())))?;
        }
        refuse_unsafe(path)?;
        // NOFOLLOW: SQLite too refuses a link put there after the look above.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_NOFOLLOW;
        let conn = Connection::open_with_flags(path, flags).map_err(map_err)?;
        restrict_to_owner(path);
        // Another program (a report, a second hocso migrating) may hold the database for
        // a moment: wait for it.
        conn.busy_timeout(Duration::from_secs(5)).map_err(map_err)?;
        let mut store = SqliteStore {
            conn,
            path: path.to_owned(),
        };
        // Turning on WAL and migrating take locks that SQLite will not wait for when two
        // new connections race for them (it answers "busy" at once, to avoid a deadlock):
        // hocso started twice on a new folder tries again until the other one is done.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        let mut pause = Duration::from_millis(5);
        loop {
            match store.prepare() {
                Err(StoreError::Busy) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(100));
                }
                other => break other?,
            }
        }
        store
            .conn
            .busy_timeout(Duration::from_secs(2))
            .map_err(map_err)?;
        Ok(store)
    }

    /// WAL, the connection's settings and the schema: all safe to do again.
    fn prepare(&mut self) -> Result<(), StoreError> {
        // Reading the header first: a file that is not a database fails here.
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(map_err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(mode, "the database is not in WAL mode");
        }
        self.conn
            .execute_batch(
                "PRAGMA synchronous = FULL;
                 PRAGMA foreign_keys = ON;
                 PRAGMA secure_delete = ON;",
            )
            .map_err(map_err)?;
        self.migrate()
    }

    /// Opens the database; if it is damaged, moves it aside with a timestamp (nothing is
    /// deleted) and starts a fresh one.
    pub fn open_or_recover(path: &Path, now: i64) -> Result<Opened, StoreError> {
        // A file damaged past its first page opens fine and fails on the first answer:
        // every page is looked at before the kiosk relies on it.
        match SqliteStore::open(path).and_then(|store| store.quick_check().map(|()| store)) {
            Ok(store) => Ok(Opened {
                store,
                moved_aside: None,
            }),
            Err(StoreError::Corrupt(why)) => {
                let aside = move_aside(path, now, &why)?;
                let store = SqliteStore::open(path)?;
                Ok(Opened {
                    store,
                    moved_aside: Some(aside),
                })
            }
            Err(e) => Err(e),
        }
    }

    /// SQLite's quick check of every page: an error unless the file is sound.
    pub fn quick_check(&self) -> Result<(), StoreError> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(map_err)?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt(verdict))
        }
    }

    /// How long a write waits for another program holding the database.
    pub fn set_busy_timeout(&mut self, wait: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(wait).map_err(map_err)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(map_err)
    }

    /// Brings the schema up to date. Two hocso started at once on a new folder: one
    /// migrates under the write lock, the other waits, reads the version again and finds
    /// nothing left to do.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let found = self.version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                known: SCHEMA_VERSION,
            });
        }
        if found == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(map_err)?;
        let found: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(map_err)?;
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > found) {
            tx.execute_batch(sql).map_err(map_err)?;
            tx.pragma_update(None, "user_version", version)
                .map_err(map_err)?;
            tracing::info!(version, "database migrated");
        }
        tx.commit().map_err(map_err)
    }

    /// The connection, for tests and reports.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// [`Store::apply_once`] inside its transaction: true if `write` was carried out now.
    fn apply_in_transaction(&mut self, id: &str, write: &Write) -> Result<bool, StoreError> {
        let done = self
            .conn
            .prepare_cached("SELECT 1 FROM saved_writes WHERE id = ?1")
            .map_err(map_err)?
            .exists([id])
            .map_err(map_err)?;
        if done {
            return Ok(false);
        }
        write.apply(self)?;
        self.conn
            .execute(
                "INSERT INTO saved_writes (id, at) VALUES (?1, unixepoch())",
                [id],
            )
            .map_err(map_err)?;
        Ok(true)
    }

    fn known(&self, code: &str) -> Result<(), StoreError> {
        match self.find_learner(code)? {
            Some(_) => Ok(()),
            None => Err(StoreError::NoSuchLearner(code.to_owned())),
        }
    }
}

/// Progress is personal: only the kiosk's own user may read the file. The mode is set on
/// the file opened without following a link, never on what a link points to.
fn restrict_to_owner(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let restricted = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
            .open(path)
            .and_then(|f| f.set_permissions(std::fs::Permissions::from_mode(0o600)));
        if let Err(e) = restricted {
            tracing::warn!(file = %path.display(), "cannot restrict the database's permissions: {e}");
        }
    }
}

/// Moves a damaged database (and its two files) aside, timestamped: nothing is deleted.
fn move_aside(path: &Path, now: i64, why: &str) -> Result<PathBuf, StoreError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let aside = path.with_file_name(format!("{name}.damaged-{}", utc_stamp(now)));
    tracing::error!(file = %path.display(), moved_to = %aside.display(), "database damaged ({why}); starting a fresh one");
    for (from, to) in files_of(path).into_iter().zip(files_of(&aside)) {
        if std::fs::symlink_metadata(&from).is_ok() {
            std::fs::rename(&from, &to)
                .map_err(|e| StoreError::Other(format!("moving {} aside: {e}", from.display())))?;
        }
    }
    Ok(aside)
}

impl Store for SqliteStore {
    fn create_learner(
        &mut self,
        name: &str,
        age_band: Option<AgeBand>,
        now: i64,
    ) -> Result<Learner, StoreError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM learners", [], |r| r.get(0))
            .map_err(map_err)?;
        let mut exists = self
            .conn
            .prepare_cached("SELECT 1 FROM learners WHERE code = ?1")
            .map_err(map_err)?;
        let mut taken = |c: &str| exists.exists([c]).unwrap_or(true);
        let code = new_code(&mut taken, count as usize).ok_or(StoreError::CodesExhausted)?;
        drop(exists);
        self.conn
            .execute(
                "INSERT INTO learners (code, name, age_band, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![code, name, age_band.map(AgeBand::code), now],
            )
            .map_err(map_err)?;
        Ok(Learner {
            code,
            name: name.to_owned(),
            age_band,
            sound: Sound::default(),
        })
    }

    fn find_learner(&self, code: &str) -> Result<Option<Learner>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT code, name, age_band, narration, volume FROM learners WHERE code = ?1",
            )
            .map_err(map_err)?
            .query_row([code], |r| {
                let band: Option<String> = r.get(2)?;
                let volume: i64 = r.get(4)?;
                Ok(Learner {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    age_band: band.as_deref().and_then(AgeBand::parse),
                    sound: Sound {
                        on: r.get(3)?,
                        volume: volume.clamp(0, 100) as u8,
                    },
                })
            })
            .optional()
            .map_err(map_err)
    }

    fn progress(&self, code: &str) -> Result<Progress, StoreError> {
        let mut progress = Progress::default();
        let mut rows = self
            .conn
            .prepare_cached(
                "SELECT lesson, step, right, first_try, hint_used, assisted FROM attempts a
                 WHERE learner = ?1
                   AND id > coalesce((SELECT max(after_attempt) FROM resets r
                       WHERE r.learner = ?1 AND (r.lesson IS NULL OR r.lesson = a.lesson)), 0)
                 ORDER BY id",
            )
            .map_err(map_err)?;
        let attempts = rows
            .query_map([code], |r| {
                Ok(Attempt {
                    learner: code.to_owned(),
                    lesson: r.get(0)?,
                    step: r.get(1)?,
                    answer: String::new(),
                    right: r.get(2)?,
                    first_try: r.get(3)?,
                    hint_used: r.get(4)?,
                    assisted: r.get(5)?,
                    millis: 0,
                })
            })
            .map_err(map_err)?;
        for a in attempts {
            progress.add(&a.map_err(map_err)?);
        }
        let mut rows = self
            .conn
            .prepare_cached(
                "SELECT lesson, box, next_review, mastered_at FROM lesson_state WHERE learner = ?1",
            )
            .map_err(map_err)?;
        let records = rows
            .query_map([code], |r| {
                let lesson: String = r.get(0)?;
                let box_index: Option<i64> = r.get(1)?;
                let due: Option<i64> = r.get(2)?;
                let leitner = box_index.zip(due).map(|(b, due)| Leitner {
                    box_index: b.max(0) as usize,
                    due,
                });
                Ok((
                    lesson,
                    LessonRecord {
                        leitner,
                        mastered_at: r.get(3)?,
                    },
                ))
            })
            .map_err(map_err)?;
        for record in records {
            let (lesson, record) = record.map_err(map_err)?;
            progress.lessons.insert(lesson, record);
        }
        progress.place = self
            .conn
            .prepare_cached("SELECT lesson, kind, plan, step FROM places WHERE learner = ?1")
            .map_err(map_err)?
            .query_row([code], |r| {
                let plan: String = r.get(2)?;
                let kind: String = r.get(1)?;
                Ok(Place {
                    lesson: r.get(0)?,
                    kind: RunKind::parse(&kind).unwrap_or(RunKind::Full),
                    plan: serde_json::from_str(&plan).unwrap_or_default(),
                    step: r.get(3)?,
                })
            })
            .optional()
            .map_err(map_err)?;
        Ok(progress)
    }

    fn record_attempt(&mut self, a: &Attempt, now: i64) -> Result<(), StoreError> {
        // One statement outside any transaction is its own transaction: committed (and,
        // with synchronous = FULL, on disk) when this returns.
        let inserted = self
            .conn
            .prepare_cached(
                "INSERT INTO attempts (learner, session, lesson, step, at, answer, right, first_try, hint_used, assisted, millis)
                 SELECT ?1, (SELECT max(id) FROM sessions WHERE learner = ?1 AND ended_at IS NULL), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10
                 WHERE EXISTS (SELECT 1 FROM learners WHERE code = ?1)",
            )
            .map_err(map_err)?
            .execute(params![
                a.learner,
                a.lesson,
                a.step,
                now,
                a.answer,
                a.right,
                a.first_try,
                a.hint_used,
                a.assisted,
                a.millis as i64
            ])
            .map_err(map_err)?;
        if inserted == 0 {
            return Err(StoreError::NoSuchLearner(a.learner.clone()));
        }
        Ok(())
    }

    fn record_needs_help(
        &mut self,
        learner: &str,
        lesson: &str,
        step: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        self.known(learner)?;
        self.conn
            .execute(
                "INSERT INTO needs_help (learner, lesson, step, at) VALUES (?1, ?2, ?3, ?4)",
                params![learner, lesson, step, now],
            )
            .map_err(map_err)?;
        Ok(())
    }

    fn record_lesson_end(
        &mut self,
        learner: &str,
        lesson: &str,
        end: LessonEnd,
        intervals: &[u32],
        now: i64,
    ) -> Result<(), StoreError> {
        self.known(learner)?;
        let tx = self.conn.savepoint().map_err(map_err)?;
        let old = tx
            .query_row(
                "SELECT box, next_review, mastered_at FROM lesson_state WHERE learner = ?1 AND lesson = ?2",
                params![learner, lesson],
                |r| {
                    let b: Option<i64> = r.get(0)?;
                    let due: Option<i64> = r.get(1)?;
                    Ok(LessonRecord {
                        leitner: b.zip(due).map(|(b, due)| Leitner { box_index: b.max(0) as usize, due }),
                        mastered_at: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(map_err)?
            .unwrap_or_default();
        let new = next_record(old, end, intervals, now);
        tx.execute(
            "INSERT INTO lesson_state (learner, lesson, box, next_review, mastered_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (learner, lesson) DO UPDATE SET box = ?3, next_review = ?4, mastered_at = ?5",
            params![
                learner,
                lesson,
                new.leitner.map(|l| l.box_index as i64),
                new.leitner.map(|l| l.due),
                new.mastered_at
            ],
        )
        .map_err(map_err)?;
        // Going through a lesson already mastered (and not yet due for review) is not
        // mastering it again: the ward's figures count it apart.
        let outcome = match end {
            LessonEnd::Mastered if old.leitner.is_some() => "mastered-again",
            _ => end.code(),
        };
        tx.execute(
            "INSERT INTO lesson_events (learner, lesson, outcome, at) VALUES (?1, ?2, ?3, ?4)",
            params![learner, lesson, outcome, now],
        )
        .map_err(map_err)?;
        tx.commit().map_err(map_err)
    }

    fn save_sound(&mut self, learner: &str, sound: Sound) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute(
                "UPDATE learners SET narration = ?2, volume = ?3 WHERE code = ?1",
                params![learner, sound.on, sound.volume],
            )
            .map_err(map_err)?;
        if changed == 0 {
            return Err(StoreError::NoSuchLearner(learner.to_owned()));
        }
        Ok(())
    }

    fn save_place(
        &mut self,
        learner: &str,
        place: Option<&Place>,
        now: i64,
    ) -> Result<(), StoreError> {
        match place {
            Some(p) => {
                let plan = serde_json::to_string(&p.plan).unwrap_or_else(|_| "[]".into());
                self.conn
                    .prepare_cached(
                        "INSERT INTO places (learner, lesson, kind, plan, step, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                         ON CONFLICT (learner) DO UPDATE SET lesson = ?2, kind = ?3, plan = ?4, step = ?5, at = ?6",
                    )
                    .map_err(map_err)?
                    .execute(params![learner, p.lesson, p.kind.code(), plan, p.step, now])
                    .map_err(map_err)?;
            }
            None => {
                self.conn
                    .execute("DELETE FROM places WHERE learner = ?1", [learner])
                    .map_err(map_err)?;
            }
        }
        Ok(())
    }

    fn start_session(&mut self, learner: &str, kiosk: &str, now: i64) -> Result<i64, StoreError> {
        self.known(learner)?;
        self.conn
            .execute(
                "INSERT INTO sessions (learner, kiosk, started_at) VALUES (?1, ?2, ?3)",
                params![learner, kiosk, now],
            )
            .map_err(map_err)?;
        Ok(self.conn.last_insert_rowid())
    }

    fn end_session(&mut self, session: i64, now: i64) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE sessions SET ended_at = ?2 WHERE id = ?1 AND ended_at IS NULL",
                params![session, now],
            )
            .map_err(map_err)?;
        Ok(())
    }

    fn forget_learner(&mut self, code: &str) -> Result<Option<Forgotten>, StoreError> {
        let Some(learner) = self.find_learner(code)? else {
            return Ok(None);
        };
        let tx = self.conn.savepoint().map_err(map_err)?;
        let attempts: i64 = tx
            .query_row(
                "SELECT count(*) FROM attempts WHERE learner = ?1",
                [code],
                |r| r.get(0),
            )
            .map_err(map_err)?;
        // Everything else goes with the learner (ON DELETE CASCADE); secure_delete zeroes
        // the freed pages.
        tx.execute("DELETE FROM learners WHERE code = ?1", [code])
            .map_err(map_err)?;
        tx.commit().map_err(map_err)?;
        // Leave no copy of the erased rows in the write-ahead log either.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(map_err)?;
        Ok(Some(Forgotten {
            name: learner.name,
            attempts: attempts as u64,
        }))
    }

    fn find_learners(&self, query: &str, limit: usize) -> Result<Vec<LearnerRow>, StoreError> {
        self.find_learners_sql(query, limit)
    }

    fn help_calls(&self) -> Result<Vec<HelpCall>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT h.learner, l.name, h.lesson, h.step, h.at FROM needs_help h
                 JOIN learners l ON l.code = h.learner
                 WHERE h.resolved_at IS NULL ORDER BY h.at, h.id",
            )
            .map_err(map_err)?;
        let rows = statement
            .query_map([], |r| {
                Ok(HelpCall {
                    learner: r.get(0)?,
                    name: r.get(1)?,
                    lesson: r.get(2)?,
                    step: r.get(3)?,
                    at: r.get(4)?,
                })
            })
            .map_err(map_err)?;
        rows.collect::<Result<_, _>>().map_err(map_err)
    }

    fn help_given(&mut self, learner: &str, now: i64) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE needs_help SET resolved_at = ?2 WHERE learner = ?1 AND resolved_at IS NULL",
                params![learner, now],
            )
            .map_err(map_err)?;
        Ok(())
    }

    fn reset(&mut self, learner: &str, lesson: Option<&str>, now: i64) -> Result<(), StoreError> {
        self.known(learner)?;
        let tx = self.conn.savepoint().map_err(map_err)?;
        tx.execute(
            "INSERT INTO resets (learner, lesson, after_attempt, at)
             VALUES (?1, ?2, (SELECT coalesce(max(id), 0) FROM attempts), ?3)",
            params![learner, lesson, now],
        )
        .map_err(map_err)?;
        tx.execute(
            "DELETE FROM lesson_state WHERE learner = ?1 AND (?2 IS NULL OR lesson = ?2)",
            params![learner, lesson],
        )
        .map_err(map_err)?;
        tx.execute(
            "DELETE FROM places WHERE learner = ?1 AND (?2 IS NULL OR lesson = ?2)",
            params![learner, lesson],
        )
        .map_err(map_err)?;
        tx.commit().map_err(map_err)
    }

    fn add_note(&mut self, learner: &str, text: &str, now: i64) -> Result<(), StoreError> {
        self.known(learner)?;
        self.conn
            .execute(
                "INSERT INTO notes (learner, at, text) VALUES (?1, ?2, ?3)",
                params![learner, now, text],
            )
            .map_err(map_err)?;
        Ok(())
    }

    fn notes(&self, learner: &str) -> Result<Vec<Note>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT at, text FROM notes WHERE learner = ?1 ORDER BY at DESC, id DESC",
            )
            .map_err(map_err)?;
        let rows = statement
            .query_map([learner], |r| {
                Ok(Note {
                    at: r.get(0)?,
                    text: r.get(1)?,
                })
            })
            .map_err(map_err)?;
        rows.collect::<Result<_, _>>().map_err(map_err)
    }

    fn session_assisted(&mut self, session: i64) -> Result<(), StoreError> {
        self.conn
            .execute("UPDATE sessions SET assisted = 1 WHERE id = ?1", [session])
            .map_err(map_err)?;
        Ok(())
    }

    fn pin_hash(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT value FROM kiosk_secrets WHERE name = 'volunteer-pin'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(map_err)
    }

    fn set_pin_hash(&mut self, hash: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO kiosk_secrets (name, value) VALUES ('volunteer-pin', ?1)
                 ON CONFLICT (name) DO UPDATE SET value = ?1",
                [hash],
            )
            .map_err(map_err)?;
        Ok(())
    }

    fn figures(&self, from: i64, to: i64) -> Result<Figures, StoreError> {
        // Whole days (the panel's today) are counted as the ward's report counts them, so
        // the two agree, erased learners included; a part of a day is read from the
        // answers themselves.
        if let Some((first, last)) = super::report::whole_days(from, to) {
            return self.day_figures(first, last);
        }
        let between = "BETWEEN ?1 AND ?2 - 1";
        Ok(Figures {
            sessions: self.count(
                &format!("SELECT count(*) FROM sessions WHERE started_at {between}"),
                from,
                to,
            )?,
            learners: self.count(
                &format!("SELECT count(DISTINCT learner) FROM sessions WHERE started_at {between}"),
                from,
                to,
            )?,
            new_learners: self.count(
                &format!("SELECT count(*) FROM learners WHERE created_at {between}"),
                from,
                to,
            )?,
            answers: self.count(
                &format!("SELECT count(*) FROM attempts WHERE at {between}"),
                from,
                to,
            )?,
            assisted: self.count(
                &format!("SELECT count(*) FROM attempts WHERE assisted = 1 AND at {between}"),
                from,
                to,
            )?,
            lessons_mastered: self.count(
                &format!(
                    "SELECT count(*) FROM lesson_events WHERE outcome = 'mastered' AND at {between}"
                ),
                from,
                to,
            )?,
            needs_help: self.count(
                &format!("SELECT count(*) FROM needs_help WHERE at {between}"),
                from,
                to,
            )?,
        })
    }

    fn apply_once(&mut self, id: &str, write: &Write) -> Result<bool, StoreError> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(map_err)?;
        // The write's own statements join this transaction (its savepoints nest in it):
        // the write and the record of its id are committed together, or neither is.
        let result = self.apply_in_transaction(id, write);
        let end = match result {
            Ok(true) => "COMMIT",
            _ => "ROLLBACK",
        };
        match self.conn.execute_batch(end) {
            Ok(()) => result,
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(map_err(e))
            }
        }
    }

    fn ensure_learner(&mut self, learner: &Learner, now: i64) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO learners (code, name, age_band, narration, volume, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO NOTHING",
                params![
                    learner.code,
                    learner.name,
                    learner.age_band.map(AgeBand::code),
                    learner.sound.on,
                    learner.sound.volume,
                    now
                ],
            )
            .map_err(map_err)?;
        Ok(())
    }

    fn recover(&mut self, now: i64) -> Result<Option<PathBuf>, StoreError> {
        // Closes the damaged file before moving it.
        let closed = std::mem::replace(
            &mut self.conn,
            Connection::open_in_memory().map_err(map_err)?,
        );
        drop(closed);
        let aside = move_aside(&self.path, now, "found while saving")?;
        *self = SqliteStore::open(&self.path.clone())?;
        Ok(Some(aside))
    }
}

impl SqliteStore {
    fn count(&self, sql: &str, from: i64, to: i64) -> Result<u64, StoreError> {
        self.conn
            .prepare_cached(sql)
            .map_err(map_err)?
            .query_row(params![from, to], |r| r.get::<_, i64>(0))
            .map(|n| n.max(0) as u64)
            .map_err(map_err)
    }
}

/// What the volunteer panel asks of the database.
impl SqliteStore {
    pub(super) fn find_learners_sql(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<LearnerRow>, StoreError> {
        // Names are matched without regard to case in Rust: SQLite's lower() knows
        // only ASCII, and Vietnamese names are not.
        let wanted = query.trim().to_lowercase();
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT l.code, l.name, l.age_band,
                        (SELECT max(started_at) FROM sessions s WHERE s.learner = l.code) AS last,
                        (SELECT count(*) FROM lesson_state m
                            WHERE m.learner = l.code AND m.mastered_at IS NOT NULL)
                 FROM learners l ORDER BY last DESC NULLS LAST, l.created_at DESC",
            )
            .map_err(map_err)?;
        let rows = statement
            .query_map([], |r| {
                let band: Option<String> = r.get(2)?;
                Ok(LearnerRow {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    age_band: band.as_deref().and_then(AgeBand::parse),
                    last_visit: r.get(3)?,
                    mastered: r.get::<_, i64>(4)?.max(0) as usize,
                })
            })
            .map_err(map_err)?;
        // Typed without accents ("hanh"), a name matches whatever its accents ("Hạnh"):
        // a volunteer in a hurry, or a keyboard without Vietnamese. With accents, exactly.
        let plain = bare(&wanted) == crate::lesson::nfc(&wanted);
        let mut found = Vec::new();
        for row in rows {
            let row = row.map_err(map_err)?;
            let name = crate::lesson::nfc(&row.name.to_lowercase());
            let matches = if plain {
                bare(&name).contains(&bare(&wanted))
            } else {
                name.contains(&crate::lesson::nfc(&wanted))
            };
            if wanted.is_empty() || row.code.starts_with(&wanted) || matches {
                found.push(row);
                if found.len() == limit {
                    break;
                }
            }
        }
        Ok(found)
    }
}

/// `text` without its accents: Vietnamese letters as their bare Latin letter (ạ → a,
/// ư → u, đ → d).
fn bare(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// `secs` since the Unix epoch as a UTC timestamp for file names: `20261122T031500Z`.
pub fn utc_stamp(secs: i64) -> String {
    let rest = secs.rem_euclid(86_400);
    let (year, month, day) = crate::report::date::civil(secs.div_euclid(86_400));
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_calendar_dates() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        assert_eq!(utc_stamp(1_795_834_923), "20261128T030203Z");
        assert_eq!(utc_stamp(951_782_400), "20000229T000000Z");
    }
}
