;;; eglot-test.el --- Headless Emacs 28 + eglot (Debian elpa-eglot 1.9) against the Perwal language server  -*- lexical-binding: t -*-
;;; Run: emacs -Q --batch -l test/e2e/emacs/eglot-test.el
;;; Environment: same variables as test/e2e/nvim/lsp-test.lua (PERWAL_NODE, PERWAL_SERVER, PERWAL_DIAG_FILE,
;;; PERWAL_EXPECT_CODE, PERWAL_EXPECT_SYMBOL, PERWAL_DEF_FILE, PERWAL_DEF_LINE, PERWAL_DEF_NEEDLE, PERWAL_DEF_TARGET, OUT_JSON).
;;; Exit status 0 = all checks passed, 1 = failure.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa") ; Debian elpa-* packages; -Q skips site-start
(package-initialize)
(require 'eglot)
(require 'json)
(require 'cl-lib)

(define-derived-mode perwal-mode fundamental-mode "Perwal")
(add-to-list 'auto-mode-alist '("\\.perwal\\'" . perwal-mode))
(add-to-list 'eglot-server-programs
             `(perwal-mode . (,(or (getenv "PERWAL_NODE") "node") ,(getenv "PERWAL_SERVER") "--stdio")))
(setq eglot-sync-connect t)

(defvar perwal-test-out nil)
(defvar perwal-test-published (make-hash-table :test 'equal)) ; uri -> raw diagnostics vector
;; Record publishDiagnostics exactly as sent (eglot turns them into flymake objects without the code).
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (puthash (plist-get params :uri) (plist-get params :diagnostics) perwal-test-published))))

(defun perwal-test-finish (code msg)
  (with-temp-file (or (getenv "OUT_JSON") "/tmp/perwal-emacs-result.json")
    (insert (json-encode (append (list :exit code :message msg) perwal-test-out))))
  (message "%s: %s" (if (= code 0) "PASS" "FAIL") msg)
  (kill-emacs code))

(defun perwal-test-wait (pred secs)
  "Process server output until PRED holds or SECS elapse (event-driven: returns as soon as output arrives)."
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun perwal-test-code (d)
  (let ((c (plist-get d :code)))
    (format "%s" (if (and (listp c) (plist-get c :value)) (plist-get c :value) c))))

(condition-case err
    (let* ((t0 (float-time))
           (diag-file (or (getenv "PERWAL_DIAG_FILE") (error "PERWAL_DIAG_FILE not set")))
           (def-file (or (getenv "PERWAL_DEF_FILE") diag-file))
           (want (or (getenv "PERWAL_EXPECT_CODE") "duplicate-number"))
           (want-sym (or (getenv "PERWAL_EXPECT_SYMBOL") "BAB I"))
           (def-line (string-to-number (or (getenv "PERWAL_DEF_LINE") "60")))
           (needle (or (getenv "PERWAL_DEF_NEEDLE") "ayat (1)"))
           (target (string-to-number (or (getenv "PERWAL_DEF_TARGET") "59")))
           (ms (lambda () (round (* 1000 (- (float-time) t0))))))
      (find-file diag-file)
      (unless (eq major-mode 'perwal-mode) (error "perwal-mode not active"))
      (apply #'eglot (eglot--guess-contact))          ; starts server, initialize + didOpen
      (unless (perwal-test-wait (lambda () (and (eglot-current-server) (eglot--server-capable :documentSymbolProvider))) 15)
        (error "server not initialized (or no documentSymbolProvider)"))
      (setq perwal-test-out (plist-put perwal-test-out :initialized_ms (funcall ms)))
      (let* ((server (eglot-current-server))
             (uri (eglot--path-to-uri diag-file)))
        ;; 1. diagnostics with the expected code
        (unless (perwal-test-wait
                 (lambda () (cl-some (lambda (d) (or (equal (perwal-test-code d) want) (equal (plist-get d :message) want))) (gethash uri perwal-test-published))) 15)
          (error "no %s diagnostic within 15s; got %S" want (gethash uri perwal-test-published)))
        (setq perwal-test-out
              (plist-put perwal-test-out :diagnostics
                         (vconcat (mapcar (lambda (d) (list :line (1+ (plist-get (plist-get (plist-get d :range) :start) :line))
                                                            :code (perwal-test-code d) :message (plist-get d :message)))
                                          (gethash uri perwal-test-published)))))
        ;; 2. documentSymbol
        (let* ((syms (jsonrpc-request server :textDocument/documentSymbol `(:textDocument ,(eglot--TextDocumentIdentifier))))
               (names (mapcar (lambda (s) (plist-get s :name)) syms)))
          (setq perwal-test-out (plist-put perwal-test-out :documentSymbol (vconcat names)))
          (unless (> (length syms) 0) (error "documentSymbol returned nothing"))
          (unless (member want-sym names) (error "no symbol %S in %S" want-sym names)))
        ;; 3. definition (same server: the file is in the same project directory)
        (find-file def-file)
        (unless (perwal-test-wait (lambda () (bound-and-true-p eglot--managed-mode)) 15)
          (error "eglot did not manage %s" def-file))
        (goto-char (point-min)) (forward-line (1- def-line))
        (unless (search-forward needle (line-end-position) t) (error "%S not on line %d" needle def-line))
        (goto-char (+ (match-beginning 0) 2))
        (let* ((def (jsonrpc-request server :textDocument/definition (eglot--TextDocumentPositionParams)))
               (loc (if (vectorp def) (and (> (length def) 0) (aref def 0)) def))
               (range (or (plist-get loc :targetSelectionRange) (plist-get loc :targetRange) (plist-get loc :range))))
          (setq perwal-test-out (plist-put perwal-test-out :definition def))
          (unless (and range (= (1- target) (plist-get (plist-get range :start) :line)))
            (error "definition should land on line %d, got %S" target def))))
      (setq perwal-test-out (plist-put perwal-test-out :total_ms (funcall ms)))
      (let ((eglot-autoshutdown nil)) (ignore-errors (eglot-shutdown (eglot-current-server))))
      (perwal-test-finish 0 "diagnostics, documentSymbol and definition checks passed"))
  (error (perwal-test-finish 1 (error-message-string err))))
