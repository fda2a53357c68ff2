//! Browser entry point: installs the panic hook and mounts [`casebook_ui::App`] on `<body>`.
//! Everything else lives in the library so it can be unit tested natively.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(casebook_ui::App);
}
