;; QMLab's gate kernels in WebAssembly SIMD (hand-written; assembled by scripts/build-wasm.ts).
;;
;; The state is two arrays of f64 in the imported memory: real parts at byte offset $re, imaginary
;; parts at $im. A kernel updates amplitudes [start, end) in place, acting on the pairs
;; (i, i + bit) whose index has every bit of $cmask set. Matrices are 8 f64 at byte offset $mat:
;; re00 im00 re01 im01 re10 im10 re11 im11.
;;
;; Each kernel has three paths: bit = 1 (a pair sits in one v128: lanes are swapped by a shuffle),
;; bit >= 2 with no control on qubit 0 (two neighbouring pairs per iteration), and a scalar path
;; for the rest (a control on qubit 0 splits neighbouring indices).
(module
  (import "env" "memory" (memory 1))

  (func (export "general")
    (param $re i32) (param $im i32) (param $start i32) (param $end i32)
    (param $bit i32) (param $cmask i32) (param $mat i32)
    (local $ar f64) (local $ai f64) (local $br f64) (local $bi f64)
    (local $cr f64) (local $ci f64) (local $dr f64) (local $di f64)
    (local $var v128) (local $vai v128) (local $vbr v128) (local $vbi v128)
    (local $vcr v128) (local $vci v128) (local $vdr v128) (local $vdi v128)
    (local $xr v128) (local $xi v128) (local $yr v128) (local $yi v128)
    (local $i i32) (local $base i32) (local $stop i32) (local $pr i32) (local $pi i32) (local $d i32)
    (local $sxr f64) (local $sxi f64) (local $syr f64) (local $syi f64)
    (local.set $ar (f64.load (local.get $mat)))
    (local.set $ai (f64.load offset=8 (local.get $mat)))
    (local.set $br (f64.load offset=16 (local.get $mat)))
    (local.set $bi (f64.load offset=24 (local.get $mat)))
    (local.set $cr (f64.load offset=32 (local.get $mat)))
    (local.set $ci (f64.load offset=40 (local.get $mat)))
    (local.set $dr (f64.load offset=48 (local.get $mat)))
    (local.set $di (f64.load offset=56 (local.get $mat)))
    (if (i32.and (i32.eq (local.get $bit) (i32.const 1))
                 (i32.eqz (i32.and (local.get $cmask) (i32.const 1))))
      (then
        ;; lanes hold (x, y); new = P*(x, y) + Q*(y, x) with P = (a, d), Q = (b, c)
        (local.set $var (f64x2.replace_lane 1 (f64x2.splat (local.get $ar)) (local.get $dr)))
        (local.set $vai (f64x2.replace_lane 1 (f64x2.splat (local.get $ai)) (local.get $di)))
        (local.set $vbr (f64x2.replace_lane 1 (f64x2.splat (local.get $br)) (local.get $cr)))
        (local.set $vbi (f64x2.replace_lane 1 (f64x2.splat (local.get $bi)) (local.get $ci)))
        (local.set $i (local.get $start))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
            (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
              (then
                (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $xr (v128.load (local.get $pr)))
                (local.set $xi (v128.load (local.get $pi)))
                (local.set $yr (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xr) (local.get $xr)))
                (local.set $yi (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xi) (local.get $xi)))
                (v128.store (local.get $pr)
                  (f64x2.sub
                    (f64x2.add (f64x2.mul (local.get $var) (local.get $xr)) (f64x2.mul (local.get $vbr) (local.get $yr)))
                    (f64x2.add (f64x2.mul (local.get $vai) (local.get $xi)) (f64x2.mul (local.get $vbi) (local.get $yi)))))
                (v128.store (local.get $pi)
                  (f64x2.add
                    (f64x2.add (f64x2.mul (local.get $var) (local.get $xi)) (f64x2.mul (local.get $vai) (local.get $xr)))
                    (f64x2.add (f64x2.mul (local.get $vbr) (local.get $yi)) (f64x2.mul (local.get $vbi) (local.get $yr)))))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $next)))
        (return)))
    (if (i32.and (i32.ge_u (local.get $bit) (i32.const 2))
                 (i32.eqz (i32.and (local.get $cmask) (i32.const 1))))
      (then
        (local.set $var (f64x2.splat (local.get $ar)))
        (local.set $vai (f64x2.splat (local.get $ai)))
        (local.set $vbr (f64x2.splat (local.get $br)))
        (local.set $vbi (f64x2.splat (local.get $bi)))
        (local.set $vcr (f64x2.splat (local.get $cr)))
        (local.set $vci (f64x2.splat (local.get $ci)))
        (local.set $vdr (f64x2.splat (local.get $dr)))
        (local.set $vdi (f64x2.splat (local.get $di)))
        (local.set $d (i32.shl (local.get $bit) (i32.const 3)))
        (local.set $base (local.get $start))
        (block $done
          (loop $outer
            (br_if $done (i32.ge_u (local.get $base) (local.get $end)))
            (local.set $stop (i32.add (local.get $base) (local.get $bit)))
            (local.set $i (local.get $base))
            (block $rowDone
              (loop $inner
                (br_if $rowDone (i32.ge_u (local.get $i) (local.get $stop)))
                (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
                  (then
                    (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
                    (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
                    (local.set $xr (v128.load (local.get $pr)))
                    (local.set $xi (v128.load (local.get $pi)))
                    (local.set $yr (v128.load (i32.add (local.get $pr) (local.get $d))))
                    (local.set $yi (v128.load (i32.add (local.get $pi) (local.get $d))))
                    (v128.store (local.get $pr)
                      (f64x2.sub
                        (f64x2.add (f64x2.mul (local.get $var) (local.get $xr)) (f64x2.mul (local.get $vbr) (local.get $yr)))
                        (f64x2.add (f64x2.mul (local.get $vai) (local.get $xi)) (f64x2.mul (local.get $vbi) (local.get $yi)))))
                    (v128.store (local.get $pi)
                      (f64x2.add
                        (f64x2.add (f64x2.mul (local.get $var) (local.get $xi)) (f64x2.mul (local.get $vai) (local.get $xr)))
                        (f64x2.add (f64x2.mul (local.get $vbr) (local.get $yi)) (f64x2.mul (local.get $vbi) (local.get $yr)))))
                    (v128.store (i32.add (local.get $pr) (local.get $d))
                      (f64x2.sub
                        (f64x2.add (f64x2.mul (local.get $vcr) (local.get $xr)) (f64x2.mul (local.get $vdr) (local.get $yr)))
                        (f64x2.add (f64x2.mul (local.get $vci) (local.get $xi)) (f64x2.mul (local.get $vdi) (local.get $yi)))))
                    (v128.store (i32.add (local.get $pi) (local.get $d))
                      (f64x2.add
                        (f64x2.add (f64x2.mul (local.get $vcr) (local.get $xi)) (f64x2.mul (local.get $vci) (local.get $xr)))
                        (f64x2.add (f64x2.mul (local.get $vdr) (local.get $yi)) (f64x2.mul (local.get $vdi) (local.get $yr)))))))
                (local.set $i (i32.add (local.get $i) (i32.const 2)))
                (br $inner)))
            (local.set $base (i32.add (local.get $base) (i32.shl (local.get $bit) (i32.const 1))))
            (br $outer)))
        (return)))
    ;; scalar path
    (local.set $d (i32.shl (local.get $bit) (i32.const 3)))
    (local.set $i (local.get $start))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (if (i32.and
              (i32.eqz (i32.and (local.get $i) (local.get $bit)))
              (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask)))
          (then
            (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
            (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
            (local.set $sxr (f64.load (local.get $pr)))
            (local.set $sxi (f64.load (local.get $pi)))
            (local.set $syr (f64.load (i32.add (local.get $pr) (local.get $d))))
            (local.set $syi (f64.load (i32.add (local.get $pi) (local.get $d))))
            (f64.store (local.get $pr)
              (f64.sub
                (f64.add (f64.mul (local.get $ar) (local.get $sxr)) (f64.mul (local.get $br) (local.get $syr)))
                (f64.add (f64.mul (local.get $ai) (local.get $sxi)) (f64.mul (local.get $bi) (local.get $syi)))))
            (f64.store (local.get $pi)
              (f64.add
                (f64.add (f64.mul (local.get $ar) (local.get $sxi)) (f64.mul (local.get $ai) (local.get $sxr)))
                (f64.add (f64.mul (local.get $br) (local.get $syi)) (f64.mul (local.get $bi) (local.get $syr)))))
            (f64.store (i32.add (local.get $pr) (local.get $d))
              (f64.sub
                (f64.add (f64.mul (local.get $cr) (local.get $sxr)) (f64.mul (local.get $dr) (local.get $syr)))
                (f64.add (f64.mul (local.get $ci) (local.get $sxi)) (f64.mul (local.get $di) (local.get $syi)))))
            (f64.store (i32.add (local.get $pi) (local.get $d))
              (f64.add
                (f64.add (f64.mul (local.get $cr) (local.get $sxi)) (f64.mul (local.get $ci) (local.get $sxr)))
                (f64.add (f64.mul (local.get $dr) (local.get $syi)) (f64.mul (local.get $di) (local.get $syr)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Real matrix [[a, b], [c, e]] (ry, h and their products).
  ;; Vector paths only: the caller uses "general" when a control sits on qubit 0.
  (func (export "real")
    (param $re i32) (param $im i32) (param $start i32) (param $end i32)
    (param $bit i32) (param $cmask i32) (param $mat i32)
    (local $a f64) (local $b f64) (local $c f64) (local $e f64)
    (local $va v128) (local $vb v128) (local $vc v128) (local $ve v128)
    (local $xr v128) (local $xi v128) (local $yr v128) (local $yi v128)
    (local $i i32) (local $base i32) (local $stop i32) (local $pr i32) (local $pi i32) (local $d i32)
    (local.set $a (f64.load (local.get $mat)))
    (local.set $b (f64.load offset=16 (local.get $mat)))
    (local.set $c (f64.load offset=32 (local.get $mat)))
    (local.set $e (f64.load offset=48 (local.get $mat)))
    (if (i32.eq (local.get $bit) (i32.const 1))
      (then
        ;; lanes hold (x, y); new = (a, e)*(x, y) + (b, c)*(y, x), for real and imaginary parts alike
        (local.set $va (f64x2.replace_lane 1 (f64x2.splat (local.get $a)) (local.get $e)))
        (local.set $vb (f64x2.replace_lane 1 (f64x2.splat (local.get $b)) (local.get $c)))
        (local.set $i (local.get $start))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
            (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
              (then
                (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $xr (v128.load (local.get $pr)))
                (local.set $xi (v128.load (local.get $pi)))
                (local.set $yr (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xr) (local.get $xr)))
                (local.set $yi (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xi) (local.get $xi)))
                (v128.store (local.get $pr) (f64x2.add (f64x2.mul (local.get $va) (local.get $xr)) (f64x2.mul (local.get $vb) (local.get $yr))))
                (v128.store (local.get $pi) (f64x2.add (f64x2.mul (local.get $va) (local.get $xi)) (f64x2.mul (local.get $vb) (local.get $yi))))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $next)))
        (return)))
    (local.set $va (f64x2.splat (local.get $a)))
    (local.set $vb (f64x2.splat (local.get $b)))
    (local.set $vc (f64x2.splat (local.get $c)))
    (local.set $ve (f64x2.splat (local.get $e)))
    (local.set $d (i32.shl (local.get $bit) (i32.const 3)))
    (local.set $base (local.get $start))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $base) (local.get $end)))
        (local.set $stop (i32.add (local.get $base) (local.get $bit)))
        (local.set $i (local.get $base))
        (block $rowDone
          (loop $inner
            (br_if $rowDone (i32.ge_u (local.get $i) (local.get $stop)))
            (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
              (then
                (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $xr (v128.load (local.get $pr)))
                (local.set $xi (v128.load (local.get $pi)))
                (local.set $yr (v128.load (i32.add (local.get $pr) (local.get $d))))
                (local.set $yi (v128.load (i32.add (local.get $pi) (local.get $d))))
                (v128.store (local.get $pr) (f64x2.add (f64x2.mul (local.get $va) (local.get $xr)) (f64x2.mul (local.get $vb) (local.get $yr))))
                (v128.store (local.get $pi) (f64x2.add (f64x2.mul (local.get $va) (local.get $xi)) (f64x2.mul (local.get $vb) (local.get $yi))))
                (v128.store (i32.add (local.get $pr) (local.get $d)) (f64x2.add (f64x2.mul (local.get $vc) (local.get $xr)) (f64x2.mul (local.get $ve) (local.get $yr))))
                (v128.store (i32.add (local.get $pi) (local.get $d)) (f64x2.add (f64x2.mul (local.get $vc) (local.get $xi)) (f64x2.mul (local.get $ve) (local.get $yi))))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $inner)))
        (local.set $base (i32.add (local.get $base) (i32.shl (local.get $bit) (i32.const 1))))
        (br $outer))))
  ;; Real diagonal, imaginary off-diagonal [[a, i*b], [i*c, e]] (rx).
  ;; Vector paths only: the caller uses "general" when a control sits on qubit 0.
  (func (export "rotationX")
    (param $re i32) (param $im i32) (param $start i32) (param $end i32)
    (param $bit i32) (param $cmask i32) (param $mat i32)
    (local $a f64) (local $b f64) (local $c f64) (local $e f64)
    (local $va v128) (local $vb v128) (local $vc v128) (local $ve v128)
    (local $xr v128) (local $xi v128) (local $yr v128) (local $yi v128)
    (local $i i32) (local $base i32) (local $stop i32) (local $pr i32) (local $pi i32) (local $d i32)
    (local.set $a (f64.load (local.get $mat)))
    (local.set $b (f64.load offset=24 (local.get $mat)))
    (local.set $c (f64.load offset=40 (local.get $mat)))
    (local.set $e (f64.load offset=48 (local.get $mat)))
    (if (i32.eq (local.get $bit) (i32.const 1))
      (then
        ;; lanes hold (x, y); new = (a, e)*(x, y) + i*(b, c)*(y, x)
        (local.set $va (f64x2.replace_lane 1 (f64x2.splat (local.get $a)) (local.get $e)))
        (local.set $vb (f64x2.replace_lane 1 (f64x2.splat (local.get $b)) (local.get $c)))
        (local.set $i (local.get $start))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
            (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
              (then
                (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $xr (v128.load (local.get $pr)))
                (local.set $xi (v128.load (local.get $pi)))
                (local.set $yr (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xr) (local.get $xr)))
                (local.set $yi (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xi) (local.get $xi)))
                (v128.store (local.get $pr) (f64x2.sub (f64x2.mul (local.get $va) (local.get $xr)) (f64x2.mul (local.get $vb) (local.get $yi))))
                (v128.store (local.get $pi) (f64x2.add (f64x2.mul (local.get $va) (local.get $xi)) (f64x2.mul (local.get $vb) (local.get $yr))))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $next)))
        (return)))
    (local.set $va (f64x2.splat (local.get $a)))
    (local.set $vb (f64x2.splat (local.get $b)))
    (local.set $vc (f64x2.splat (local.get $c)))
    (local.set $ve (f64x2.splat (local.get $e)))
    (local.set $d (i32.shl (local.get $bit) (i32.const 3)))
    (local.set $base (local.get $start))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $base) (local.get $end)))
        (local.set $stop (i32.add (local.get $base) (local.get $bit)))
        (local.set $i (local.get $base))
        (block $rowDone
          (loop $inner
            (br_if $rowDone (i32.ge_u (local.get $i) (local.get $stop)))
            (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
              (then
                (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $xr (v128.load (local.get $pr)))
                (local.set $xi (v128.load (local.get $pi)))
                (local.set $yr (v128.load (i32.add (local.get $pr) (local.get $d))))
                (local.set $yi (v128.load (i32.add (local.get $pi) (local.get $d))))
                (v128.store (local.get $pr) (f64x2.sub (f64x2.mul (local.get $va) (local.get $xr)) (f64x2.mul (local.get $vb) (local.get $yi))))
                (v128.store (local.get $pi) (f64x2.add (f64x2.mul (local.get $va) (local.get $xi)) (f64x2.mul (local.get $vb) (local.get $yr))))
                (v128.store (i32.add (local.get $pr) (local.get $d)) (f64x2.sub (f64x2.mul (local.get $ve) (local.get $yr)) (f64x2.mul (local.get $vc) (local.get $xi))))
                (v128.store (i32.add (local.get $pi) (local.get $d)) (f64x2.add (f64x2.mul (local.get $ve) (local.get $yi)) (f64x2.mul (local.get $vc) (local.get $xr))))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $inner)))
        (local.set $base (i32.add (local.get $base) (i32.shl (local.get $bit) (i32.const 1))))
        (br $outer))))

  ;; diag(d0, d1) where d0 = re00 + i im00 and d1 = re11 + i im11
  (func (export "diagonal")
    (param $re i32) (param $im i32) (param $start i32) (param $end i32)
    (param $bit i32) (param $cmask i32) (param $mat i32)
    (local $d0r f64) (local $d0i f64) (local $d1r f64) (local $d1i f64)
    (local $vr v128) (local $vi v128) (local $wr v128) (local $wi v128)
    (local $xr v128) (local $xi v128)
    (local $i i32) (local $step i32) (local $pr i32) (local $pi i32) (local $sr f64) (local $si f64)
    (local.set $d0r (f64.load (local.get $mat)))
    (local.set $d0i (f64.load offset=8 (local.get $mat)))
    (local.set $d1r (f64.load offset=48 (local.get $mat)))
    (local.set $d1i (f64.load offset=56 (local.get $mat)))
    (if (i32.eqz (i32.and (local.get $cmask) (i32.const 1)))
      (then
        ;; Two neighbouring amplitudes per v128; their phases (lanes) depend on bit 0 only when bit = 1.
        (if (i32.eq (local.get $bit) (i32.const 1))
          (then
            (local.set $vr (f64x2.replace_lane 1 (f64x2.splat (local.get $d0r)) (local.get $d1r)))
            (local.set $vi (f64x2.replace_lane 1 (f64x2.splat (local.get $d0i)) (local.get $d1i)))
            (local.set $wr (local.get $vr))
            (local.set $wi (local.get $vi)))
          (else
            (local.set $vr (f64x2.splat (local.get $d0r)))
            (local.set $vi (f64x2.splat (local.get $d0i)))
            (local.set $wr (f64x2.splat (local.get $d1r)))
            (local.set $wi (f64x2.splat (local.get $d1i)))))
        (local.set $i (local.get $start))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
            (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
              (then
                (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $xr (v128.load (local.get $pr)))
                (local.set $xi (v128.load (local.get $pi)))
                (if (i32.and (local.get $i) (local.get $bit))
                  (then
                    (v128.store (local.get $pr)
                      (f64x2.sub (f64x2.mul (local.get $wr) (local.get $xr)) (f64x2.mul (local.get $wi) (local.get $xi))))
                    (v128.store (local.get $pi)
                      (f64x2.add (f64x2.mul (local.get $wr) (local.get $xi)) (f64x2.mul (local.get $wi) (local.get $xr)))))
                  (else
                    (v128.store (local.get $pr)
                      (f64x2.sub (f64x2.mul (local.get $vr) (local.get $xr)) (f64x2.mul (local.get $vi) (local.get $xi))))
                    (v128.store (local.get $pi)
                      (f64x2.add (f64x2.mul (local.get $vr) (local.get $xi)) (f64x2.mul (local.get $vi) (local.get $xr))))))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $next)))
        (return)))
    (local.set $i (local.get $start))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
          (then
            (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
            (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
            (local.set $sr (f64.load (local.get $pr)))
            (local.set $si (f64.load (local.get $pi)))
            (if (i32.and (local.get $i) (local.get $bit))
              (then
                (f64.store (local.get $pr)
                  (f64.sub (f64.mul (local.get $d1r) (local.get $sr)) (f64.mul (local.get $d1i) (local.get $si))))
                (f64.store (local.get $pi)
                  (f64.add (f64.mul (local.get $d1r) (local.get $si)) (f64.mul (local.get $d1i) (local.get $sr)))))
              (else
                (f64.store (local.get $pr)
                  (f64.sub (f64.mul (local.get $d0r) (local.get $sr)) (f64.mul (local.get $d0i) (local.get $si))))
                (f64.store (local.get $pi)
                  (f64.add (f64.mul (local.get $d0r) (local.get $si)) (f64.mul (local.get $d0i) (local.get $sr))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; X on the target: exchanges the amplitudes of each pair
  (func (export "flip")
    (param $re i32) (param $im i32) (param $start i32) (param $end i32)
    (param $bit i32) (param $cmask i32)
    (local $i i32) (local $base i32) (local $stop i32) (local $pr i32) (local $pi i32) (local $d i32)
    (local $xr v128) (local $xi v128) (local $sr f64) (local $si f64)
    (local.set $d (i32.shl (local.get $bit) (i32.const 3)))
    (if (i32.eqz (i32.and (local.get $cmask) (i32.const 1)))
      (then
        (if (i32.eq (local.get $bit) (i32.const 1))
          (then
            (local.set $i (local.get $start))
            (block $done
              (loop $next
                (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
                (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
                  (then
                    (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
                    (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
                    (local.set $xr (v128.load (local.get $pr)))
                    (local.set $xi (v128.load (local.get $pi)))
                    (v128.store (local.get $pr)
                      (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xr) (local.get $xr)))
                    (v128.store (local.get $pi)
                      (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xi) (local.get $xi)))))
                (local.set $i (i32.add (local.get $i) (i32.const 2)))
                (br $next)))
            (return)))
        (local.set $base (local.get $start))
        (block $done
          (loop $outer
            (br_if $done (i32.ge_u (local.get $base) (local.get $end)))
            (local.set $stop (i32.add (local.get $base) (local.get $bit)))
            (local.set $i (local.get $base))
            (block $rowDone
              (loop $inner
                (br_if $rowDone (i32.ge_u (local.get $i) (local.get $stop)))
                (if (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask))
                  (then
                    (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
                    (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
                    (local.set $xr (v128.load (local.get $pr)))
                    (local.set $xi (v128.load (local.get $pi)))
                    (v128.store (local.get $pr) (v128.load (i32.add (local.get $pr) (local.get $d))))
                    (v128.store (local.get $pi) (v128.load (i32.add (local.get $pi) (local.get $d))))
                    (v128.store (i32.add (local.get $pr) (local.get $d)) (local.get $xr))
                    (v128.store (i32.add (local.get $pi) (local.get $d)) (local.get $xi))))
                (local.set $i (i32.add (local.get $i) (i32.const 2)))
                (br $inner)))
            (local.set $base (i32.add (local.get $base) (i32.shl (local.get $bit) (i32.const 1))))
            (br $outer)))
        (return)))
    (local.set $i (local.get $start))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (if (i32.and
              (i32.eqz (i32.and (local.get $i) (local.get $bit)))
              (i32.eq (i32.and (local.get $i) (local.get $cmask)) (local.get $cmask)))
          (then
            (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
            (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
            (local.set $sr (f64.load (local.get $pr)))
            (local.set $si (f64.load (local.get $pi)))
            (f64.store (local.get $pr) (f64.load (i32.add (local.get $pr) (local.get $d))))
            (f64.store (local.get $pi) (f64.load (i32.add (local.get $pi) (local.get $d))))
            (f64.store (i32.add (local.get $pr) (local.get $d)) (local.get $sr))
            (f64.store (i32.add (local.get $pi) (local.get $d)) (local.get $si))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; SWAP of the qubits with masks $bit and $bit2: exchanges |..1..0..> and |..0..1..>
  (func (export "swap")
    (param $re i32) (param $im i32) (param $start i32) (param $end i32)
    (param $bit i32) (param $bit2 i32)
    (local $i i32) (local $j i32) (local $both i32) (local $pr i32) (local $pi i32) (local $qr i32) (local $qi i32)
    (local $sr f64) (local $si f64)
    (local.set $both (i32.or (local.get $bit) (local.get $bit2)))
    (local.set $i (local.get $start))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (if (i32.eq (i32.and (local.get $i) (local.get $both)) (local.get $bit))
          (then
            (local.set $j (i32.xor (local.get $i) (local.get $both)))
            (local.set $pr (i32.add (local.get $re) (i32.shl (local.get $i) (i32.const 3))))
            (local.set $pi (i32.add (local.get $im) (i32.shl (local.get $i) (i32.const 3))))
            (local.set $qr (i32.add (local.get $re) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $qi (i32.add (local.get $im) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $sr (f64.load (local.get $pr)))
            (local.set $si (f64.load (local.get $pi)))
            (f64.store (local.get $pr) (f64.load (local.get $qr)))
            (f64.store (local.get $pi) (f64.load (local.get $qi)))
            (f64.store (local.get $qr) (local.get $sr))
            (f64.store (local.get $qi) (local.get $si))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Copies $count runs of $run bytes between a block of the state and the contiguous scratch:
  ;; run c lives at $state + offsets[c] (i32 table at $offsets) and at $scratch + c * $run.
  (func (export "copyRuns")
    (param $state i32) (param $scratch i32) (param $run i32) (param $count i32)
    (param $offsets i32) (param $toScratch i32)
    (local $c i32) (local $s i32) (local $t i32)
    (local.set $t (local.get $scratch))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $c) (local.get $count)))
        (local.set $s (i32.add (local.get $state)
          (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $c) (i32.const 2))))))
        (if (local.get $toScratch)
          (then (memory.copy (local.get $t) (local.get $s) (local.get $run)))
          (else (memory.copy (local.get $s) (local.get $t) (local.get $run))))
        (local.set $t (i32.add (local.get $t) (local.get $run)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $next))))
)
