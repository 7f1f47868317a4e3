// Cancellation-free angle functions of s = 1 − ρ (internal).

/** sin θ = √(1 − ρ²) = √(s(2 − s)), with s = 1 − ρ ∈ [0, 2]. */
export function sinFromS(s: number): number {
  return Math.sqrt(s * (2 - s));
}

/** θ = arccos ρ ∈ [0, π] from s = 1 − ρ, via atan2 (accurate at both ends). */
export function thetaFromS(s: number): number {
  return Math.atan2(Math.sqrt(s * (2 - s)), 1 - s);
}

/** π − θ from s = 1 − ρ, via atan2 (no subtraction from π). */
export function piMinusThetaFromS(s: number): number {
  return Math.atan2(Math.sqrt(s * (2 - s)), s - 1);
}

/**
 * J(θ) = sin θ − θ cos θ, by its series Σ_{k≥1} (−1)^{k+1} 2k θ^{2k+1}/(2k+1)! below θ = 0.6 (where the direct
 * form loses digits to cancellation) and directly above.
 */
export function sinMinusThetaCos(theta: number, sinTheta: number, cosTheta: number): number {
  if (theta >= 0.6) return sinTheta - theta * cosTheta;
  const t2 = theta * theta;
  // k = 1..9: terms 2k θ^{2k+1}/(2k+1)!, ratio θ²(k+1)/(k(2k+2)(2k+3)) < 0.01 here.
  let term = (theta * t2) / 3; // k = 1
  let sum = term;
  for (let k = 2; k <= 10; k++) {
    term *= (-t2 * k) / ((k - 1) * (2 * k) * (2 * k + 1));
    sum += term;
  }
  return sum;
}
