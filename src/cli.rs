//! The command line: `hocso` runs the tutor; subcommands are for authors and volunteers.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands;

#[derive(Debug, Parser)]
#[command(
    name = "hocso",
    version,
    about = "Học số: a kiosk tutor for first-time smartphone users"
)]
pub struct Cli {
    /// Folder of lesson files (default: the bundled `lessons/`).
    #[arg(long, global = true, value_name = "DIR")]
    pub lessons: Option<PathBuf>,

    /// Folder for progress and the log (default: the user's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// The language: the tutor starts in it (a volunteer switches it live with F2), and
    /// commands speak it (default: the configuration's `language`; else the tutor starts
    /// in Vietnamese, and commands follow the locale, LC_ALL/LC_MESSAGES/LANG).
    #[arg(long, global = true, value_parser = ["vi", "en"])]
    pub lang: Option<String>,

    /// The kiosk's configuration file (default: hocso.toml in the user's config folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Lock-down: Ctrl+C and the quit keys do not leave; only the volunteer PIN does.
    #[arg(long, global = true)]
    pub kiosk: bool,

    /// A folder of Fluent files (`vi/*.ftl`, `en/*.ftl`) that override the built-in words.
    #[arg(long, global = true, value_name = "DIR")]
    pub locales: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check lesson files: every problem with file, line and column.
    Check(CheckArgs),
    /// Write a new lesson scaffold that passes `check`.
    New(NewArgs),
    /// Print the JSON Schema of lesson files (committed as schema/lesson.schema.json).
    Schema,
    /// Open one lesson in the tutor, at a step, and reload it whenever the file is saved.
    Preview(PreviewArgs),
    /// Learners on this kiosk.
    #[command(subcommand)]
    Learners(LearnersCommand),
    /// Draft narration for lessons with espeak-ng (never over a person's recording).
    Narrate(NarrateArgs),
    /// The recording studio: a volunteer reads each text a learner hears (clips with no
    /// person's recording, or whose text changed), and keeps each take, levelled.
    Record(RecordArgs),
    /// Write a printable take-home card of a lesson's steps (HTML).
    Card(CardArgs),
    /// The kiosk's configuration.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// What the ward's digital team sets up.
    #[command(subcommand)]
    Volunteer(VolunteerCommand),
    /// The ward's figures for a period: sessions, learners, lessons, help, and how each
    /// step goes. No names unless --with-names.
    Report(ReportArgs),
    /// The ward's recorded voice: a package to give another kiosk, or one to take in.
    #[command(subcommand)]
    Voice(VoiceCommand),
}

#[derive(Debug, Subcommand)]
pub enum VoiceCommand {
    /// Write the recordings people made here, with their manifests, to a folder (or one
    /// file, if TARGET ends in .tar) for another kiosk.
    Export {
        /// A new or empty folder, or a file ending in .tar.
        #[arg(value_name = "DIR|FILE")]
        target: PathBuf,
        /// Take the machine's drafts too (by default only people's recordings go).
        #[arg(long)]
        with_drafts: bool,
    },
    /// Take in a package made by `hocso voice export`: each recording whose text is still
    /// the lesson's text; a person's recording here is never replaced by a draft.
    Import {
        /// A folder, or a .tar file.
        #[arg(value_name = "DIR|FILE")]
        source: PathBuf,
        /// Take in recordings of texts that have changed since, too (they stay marked
        /// stale until someone records them again).
        #[arg(long)]
        stale: bool,
        /// Replace a person's recording here with the package's person's recording.
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ReportArgs {
    #[command(subcommand)]
    pub command: Option<ReportCommand>,
    /// The first day, YYYY-MM-DD (default: the first day anything was recorded).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day, YYYY-MM-DD (default: today). Days are days in Vietnam.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Markdown for people, CSV for spreadsheets, JSON to merge with other kiosks'.
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Add a table of learners by name (keep such a report inside the team).
    #[arg(long)]
    pub with_names: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Combine several kiosks' JSON reports into one.
    Merge {
        /// Reports written with --format json.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Keep the tables of learners by name that reports made --with-names carry
        /// (without it, they are left out).
        #[arg(long)]
        with_names: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the effective configuration and where each value came from.
    Show,
}

#[derive(Debug, Subcommand)]
pub enum VolunteerCommand {
    /// Set the volunteer PIN (4 to 8 digits), asked twice; read from standard input when it
    /// is not a terminal. Only its Argon2id hash is kept.
    SetPin,
}

#[derive(Debug, clap::Args)]
pub struct CardArgs {
    /// The lesson's id.
    pub lesson: String,
    /// Where to write it (default: <lesson>.html here).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct NarrateArgs {
    /// Lesson files or folders (default: the lesson folder).
    pub paths: Vec<PathBuf>,
    /// The espeak-ng voice: vi (northern), vi-vn-x-central or vi-vn-x-south (default: the
    /// configuration's `voice`, else vi).
    #[arg(long, value_parser = ["vi", "vi-vn-x-central", "vi-vn-x-south"])]
    pub voice: Option<String>,
    /// Words a minute (espeak-ng's own default is 175; slower suits older listeners).
    #[arg(long, default_value_t = 130)]
    pub rate: u32,
    /// The language of the texts to read (recordings in another language go under
    /// assets/audio/<language>/).
    #[arg(long, default_value = "vi")]
    pub language: String,
    /// Another text-to-speech program, run without a shell: `{out}` (a WAV file to write)
    /// and `{text}` are filled in; `{text}` must come after `--`, e.g. 'espeak-ng -v vi -w
    /// {out} -- {text}'. Without `{text}`, the text is on standard input, e.g. 'piper
    /// --model vi.onnx --output_file {out}'.
    #[arg(long, value_name = "COMMAND")]
    pub engine: Option<String>,
    /// Draft again even where the text is unchanged (a person's recording is still kept).
    #[arg(long)]
    pub force: bool,
    /// Draft the interface's own words too: the help for each screen, read aloud when a
    /// learner opens it (into assets/audio/ui/ beside the lesson folder).
    #[arg(long)]
    pub interface: bool,
}

#[derive(Debug, clap::Args)]
pub struct RecordArgs {
    /// Lesson files or folders (default: the lesson folder).
    pub paths: Vec<PathBuf>,
    /// Only this lesson's clips (by its id); without it, every lesson's, then the
    /// interface's own words.
    #[arg(long, value_name = "ID")]
    pub lesson: Option<String>,
    /// The reader's name, kept with each recording (e.g. "Lan").
    #[arg(long)]
    pub name: Option<String>,
    /// The language of the texts to read (recordings in another language go under
    /// assets/audio/<language>/).
    #[arg(long, default_value = "vi", value_parser = ["vi", "en"])]
    pub language: String,
}

#[derive(Debug, Subcommand)]
pub enum LearnersCommand {
    /// Erase a learner and everything recorded about them, for good.
    Forget {
        /// The learner's code.
        code: String,
        /// Erase without asking (otherwise the code must be typed again to confirm).
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct PreviewArgs {
    /// The lesson file.
    pub file: PathBuf,
    /// The id of the step to open at.
    #[arg(long, value_name = "ID")]
    pub step: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Lesson files or folders (default: the lesson folder).
    pub paths: Vec<PathBuf>,
    /// Output for people, or JSON for editors and CI.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Languages the kiosk offers; a text lacking one gets a warning.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "vi,en",
        value_name = "LANG,…"
    )]
    pub languages: Vec<String>,
    /// Rewrite files that are not Unicode NFC in NFC, then check.
    #[arg(long)]
    pub fix: bool,
    /// List every narration clip and what it holds, not only each lesson's counts.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The new lesson's id: lowercase letters, digits and hyphens (e.g. "zalo-goi-video").
    pub id: String,
    /// The topic it belongs to.
    #[arg(long, default_value = "chung")]
    pub topic: String,
    /// Folder to write it in (default: the lesson folder).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let lessons = commands::lessons_dir(&cli);
    // What is said before and after the tutor's screens is in their language; the
    // subcommands speak the volunteer's (see `commands::Words`).
    let words = match &cli.command {
        None | Some(Command::Preview(_)) => commands::Words::for_tutor(&cli),
        Some(_) => commands::Words::for_command_line(&cli),
    };
    let result = match &cli.command {
        None => commands::tutor::run(&cli, &lessons, &words),
        Some(Command::Check(args)) => commands::check::run(args, &lessons, &words),
        Some(Command::New(args)) => commands::new::run(args, &lessons, &words),
        Some(Command::Schema) => commands::schema::run(),
        Some(Command::Preview(args)) => commands::tutor::preview(&cli, args),
        Some(Command::Learners(command)) => commands::learners::run(&cli, command, &words),
        Some(Command::Narrate(args)) => {
            let voice = args
                .voice
                .clone()
                .unwrap_or_else(|| commands::settings(&cli).0.voice.value);
            commands::narrate::run(args, &lessons, &voice, &words)
        }
        Some(Command::Record(args)) => commands::record::run(&cli, args, &lessons, &words),
        Some(Command::Card(args)) => commands::card::run(&cli, args, &lessons, &words),
        Some(Command::Config(ConfigCommand::Show)) => commands::config::show(&cli, &words),
        Some(Command::Volunteer(VolunteerCommand::SetPin)) => {
            commands::volunteer::set_pin(&cli, &words)
        }
        Some(Command::Report(args)) => commands::report::run(&cli, args, &words),
        Some(Command::Voice(command)) => commands::voice::run(command, &lessons, &words),
    };
    match result {
        Ok(code) => code,
        // The reader stopped early (`hocso config show | head -1`): it has what it wanted.
        Err(e) if commands::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", words.explain(&e));
            ExitCode::from(2)
        }
    }
}
