package adapters

import (
	"encoding/json"
	"errors"
	"net/http"

	"go.opentelemetry.io/otel/trace"

	"example.com/capstone/internal/booking/app"
	"example.com/capstone/internal/booking/domain"
	"example.com/capstone/internal/platform/httpx"
	"example.com/capstone/internal/platform/observability"
)

type bookingRequest struct {
	SlotID        string `json:"slotId"`
	CustomerEmail string `json:"customerEmail"`
	AmountCents   int64  `json:"amountCents"`
	Currency      string `json:"currency"`
	PaymentMethod string `json:"paymentMethod"`
}

type bookingResponse struct {
	ID           string `json:"id"`
	SlotID       string `json:"slotId"`
	Status       string `json:"status"`
	PaymentID    string `json:"paymentId,omitempty"`
	CancelReason string `json:"cancelReason,omitempty"`
}

func toResponse(b domain.Booking) bookingResponse {
	return bookingResponse{ID: b.ID, SlotID: b.SlotID, Status: string(b.Status), PaymentID: b.PaymentID, CancelReason: b.CancelReason}
}

// RegisterHTTP mounts the booking API on mux.
func RegisterHTTP(mux *http.ServeMux, svc *app.Service, m *observability.Metrics, tp trace.TracerProvider) {
	mux.Handle("POST /bookings", httpx.Instrument("POST /bookings", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req bookingRequest
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			writeError(w, http.StatusBadRequest, "body must be a booking request: "+err.Error())
			return
		}
		b, err := svc.Request(r.Context(), app.RequestBooking(req))
		if err != nil {
			writeDomainError(w, err)
			return
		}
		w.Header().Set("Location", "/bookings/"+b.ID)
		writeJSON(w, http.StatusAccepted, toResponse(b))
	}), m, tp))

	mux.Handle("GET /bookings/{id}", httpx.Instrument("GET /bookings/{id}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := svc.Get(r.Context(), r.PathValue("id"))
		if err != nil {
			writeDomainError(w, err)
			return
		}
		writeJSON(w, http.StatusOK, toResponse(b))
	}), m, tp))
}

func writeDomainError(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, domain.ErrInvalid):
		writeError(w, http.StatusUnprocessableEntity, err.Error())
	case errors.Is(err, domain.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, domain.ErrSlotUnavailable):
		writeError(w, http.StatusConflict, err.Error())
	default:
		writeError(w, http.StatusServiceUnavailable, "booking could not be started, try again")
	}
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}
