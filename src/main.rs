//! Browser entry point: installs the panic hook and mounts [`casebook_ui::App`] on `<body>`.
//! Everything else lives in the library so it can be unit tested natively.

fn main() {
    // Release builds abort on panic without a message (scripts/build-ui.sh), so the hook only
    // has something to report in debug builds.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(casebook_ui::App);
}
