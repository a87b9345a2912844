export const id = 700;
export const ids = [700];
export const modules = {

/***/ 700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeCron: () => (/* binding */ describeCron)
/* harmony export */ });
/* harmony import */ var _actions_workflow_parser_model_converter_cron__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(130);
/**
 * A cron in words, as GitHub's workflow editor words it: its own describer
 * from @actions/workflow-parser (cronstrue beneath, 0 = Sunday, 24-hour
 * clock), so the summary, the command line and the editor read a schedule
 * the same way. Loaded only where a schedule is shown.
 */

/** `Runs at 06:17`; null for an expression GitHub would refuse. */
function describeCron(cron) {
    return (0,_actions_workflow_parser_model_converter_cron__WEBPACK_IMPORTED_MODULE_0__/* .getCronDescription */ .h9)(cron.trim()) ?? null;
}


/***/ })

};
